# spectral norm of the infinite matrix A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1), by power
# iteration on A^T A (function calls, float division, list building).


def a_entry(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def times(u):
    n = len(u)
    return [sum([a_entry(i, j) * u[j] for j in range(n)]) for i in range(n)]


def times_transposed(u):
    n = len(u)
    out = []
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += a_entry(j, i) * u[j]
        out.append(acc)
    return out


def at_times_a(u):
    return times_transposed(times(u))


def spectral_norm(n, rounds):
    u = [1.0] * n
    v = u
    for _ in range(rounds):
        v = at_times_a(u)
        u = at_times_a(v)
    vbv = vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return (vbv / vv) ** 0.5


print("%.9f" % spectral_norm(150, 10))
