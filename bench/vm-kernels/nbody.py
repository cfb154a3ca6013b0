# n-body: a small planetary system integrated with a fixed step (floats in lists, nested loops).
PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def make_system():
    # position, velocity, mass for a sun and four planets (rounded orbital figures)
    raw = [
        ([0.0, 0.0, 0.0], [0.0, 0.0, 0.0], 1.0),
        ([4.84, -1.16, -0.10], [0.00166, 0.00770, -0.0000690], 0.000954),
        ([8.34, 4.12, -0.40], [-0.00277, 0.00500, 0.0000230], 0.000286),
        ([12.89, -15.11, -0.22], [0.00296, 0.00238, -0.0000297], 0.0000437),
        ([15.38, -25.92, 0.18], [0.00268, 0.00163, -0.0000951], 0.0000515),
    ]
    bodies = []
    for pos, vel, mass in raw:
        bodies.append((pos, [v * DAYS_PER_YEAR for v in vel], mass * SOLAR_MASS))
    return bodies


def offset_momentum(bodies):
    px = py = pz = 0.0
    for _, v, m in bodies:
        px += v[0] * m
        py += v[1] * m
        pz += v[2] * m
    v = bodies[0][1]
    m = bodies[0][2]
    v[0] = -px / m
    v[1] = -py / m
    v[2] = -pz / m


def pairs_of(bodies):
    out = []
    for i in range(len(bodies)):
        for j in range(i + 1, len(bodies)):
            out.append((bodies[i], bodies[j]))
    return out


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for (p1, v1, m1), (p2, v2, m2) in pairs:
            dx = p1[0] - p2[0]
            dy = p1[1] - p2[1]
            dz = p1[2] - p2[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * d2 ** 0.5)
            b1 = m1 * mag
            b2 = m2 * mag
            v1[0] -= dx * b2
            v1[1] -= dy * b2
            v1[2] -= dz * b2
            v2[0] += dx * b1
            v2[1] += dy * b1
            v2[2] += dz * b1
        for p, v, _ in bodies:
            p[0] += dt * v[0]
            p[1] += dt * v[1]
            p[2] += dt * v[2]


def energy(bodies, pairs):
    e = 0.0
    for (p1, _, m1), (p2, _, m2) in pairs:
        dx = p1[0] - p2[0]
        dy = p1[1] - p2[1]
        dz = p1[2] - p2[2]
        e -= m1 * m2 / (dx * dx + dy * dy + dz * dz) ** 0.5
    for _, v, m in bodies:
        e += m * (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]) / 2.0
    return e


bodies = make_system()
pairs = pairs_of(bodies)
offset_momentum(bodies)
print("%.9f" % energy(bodies, pairs))
advance(bodies, pairs, 0.01, 50000)
print("%.9f" % energy(bodies, pairs))
