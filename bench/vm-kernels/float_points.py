# float/point objects: many small instances with float attributes, methods, math calls, a
# reduction with max() over attributes.
from math import cos, sin, sqrt


class Point:
    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def normalize(self):
        x, y, z = self.x, self.y, self.z
        norm = sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self

    def __add__(self, other):
        p = Point(0)
        p.x = self.x + other.x
        p.y = self.y + other.y
        p.z = self.z + other.z
        return p


def run(n):
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    best = points[0]
    for p in points[1:]:
        best = best.maximize(p)
    total = Point(0)
    for p in points:
        total = total + p
    return best, total


for rnd in range(3):
    best, total = run(60000 + rnd)
    print("%.12f %.12f %.12f" % (best.x, best.y, best.z))
    print("%.6f %.6f %.6f" % (total.x, total.y, total.z))
