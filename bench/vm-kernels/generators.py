# generators: a pipeline of generator functions, yield from, generator expressions consumed by
# sum/max, and a generator-driven sieve.


def count_from(n):
    while True:
        yield n
        n += 1


def take(n, it):
    for x in it:
        if n <= 0:
            return
        n -= 1
        yield x


def squares(it):
    for x in it:
        yield x * x


def chained(*iters):
    for it in iters:
        yield from it


def windows(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            del buf[0]


def primes(limit):
    composite = set()
    for n in range(2, limit):
        if n not in composite:
            yield n
            composite.update(range(n * n, limit, n))


total = sum(squares(take(200000, count_from(1))))
print(total)
print(max(x % 1009 for x in chained(range(100000), take(100000, count_from(7)))))
print(sum(a * b - c for a, b, c in windows(take(120000, count_from(0)), 3)) % 1000003)
print(sum(1 for _ in primes(200000)))
