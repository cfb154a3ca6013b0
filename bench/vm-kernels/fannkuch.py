# fannkuch-redux: every permutation of 0..n-1 (in the counting order), flipping prefixes until 0 is
# first; maximum flip count and the alternating checksum (list slicing, reversal, int loops).


def fannkuch(n):
    perm_base = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    while True:
        first = perm_base[0]
        if first:
            perm = perm_base[:]
            flips = 0
            while first:
                perm[: first + 1] = perm[first::-1]
                flips += 1
                first = perm[0]
            if flips > max_flips:
                max_flips = flips
            checksum += flips if sign > 0 else -flips
        sign = -sign
        # next permutation: rotate the first r+1 elements, r the lowest index not yet exhausted
        r = 1
        while r < n:
            head = perm_base[0]
            for k in range(r):
                perm_base[k] = perm_base[k + 1]
            perm_base[r] = head
            count[r] += 1
            if count[r] <= r:
                break
            count[r] = 0
            r += 1
        else:
            return max_flips, checksum


flips, check = fannkuch(9)
print(check)
print("Pfannkuchen(9) =", flips)
