# A pystone-style loop: record objects copied and updated, procedures reading and writing module
# globals, integer arithmetic, character and string comparisons, a 1-d and a 2-d array.

IDENT_1, IDENT_2, IDENT_3, IDENT_4, IDENT_5 = range(1, 6)


class Record:
    def __init__(self, link=None, kind=0, enum=0, num=0, text=""):
        self.link = link
        self.kind = kind
        self.enum = enum
        self.num = num
        self.text = text

    def copy(self):
        return Record(self.link, self.kind, self.enum, self.num, self.text)


int_glob = 0
bool_glob = False
char_1 = "\0"
char_2 = "\0"
arr_1 = [0] * 51
arr_2 = [[0] * 51 for _ in range(51)]
ptr_glob = None
ptr_next = None


def proc_1(rec):
    nxt = rec.link = ptr_glob.copy()
    rec.num = 5
    nxt.num = rec.num
    nxt.link = rec.link
    nxt.link = proc_3(nxt.link)
    if nxt.kind == IDENT_1:
        nxt.num = 6
        nxt.enum = proc_6(rec.enum)
        nxt.link = ptr_glob.link
        nxt.num = proc_7(nxt.num, 10)
    else:
        rec = nxt.copy()
    nxt.link = None
    return rec


def proc_2(n):
    loc = n + 10
    while True:
        if char_1 == "A":
            loc -= 1
            n = loc - int_glob
            return n


def proc_3(link):
    global int_glob
    if ptr_glob is not None:
        link = ptr_glob.link
    else:
        int_glob = 100
    ptr_glob.num = proc_7(10, int_glob)
    return link


def proc_4():
    global char_2
    b = char_1 == "A"
    b = b or bool_glob
    char_2 = "B"


def proc_5():
    global char_1, bool_glob
    char_1 = "A"
    bool_glob = False


def proc_6(e):
    out = e
    if not func_3(e):
        out = IDENT_4
    if e == IDENT_1:
        out = IDENT_1
    elif e == IDENT_2:
        out = IDENT_1 if int_glob > 100 else IDENT_4
    elif e == IDENT_3:
        out = IDENT_2
    elif e == IDENT_5:
        out = IDENT_3
    return out


def proc_7(a, b):
    return b + a + 2


def proc_8(a1, a2, x, y):
    global int_glob
    loc = x + 5
    a1[loc] = y
    a1[loc + 1] = a1[loc]
    a1[loc + 30] = loc
    row = a2[loc]
    for i in range(loc, loc + 2):
        row[i] = loc
    row[loc - 1] += 1
    a2[loc + 20][loc] = a1[loc]
    int_glob = 5


def func_1(c1, c2):
    if c1 != c2:
        return IDENT_1
    return IDENT_2


def func_2(s1, s2):
    i = 1
    c = "\0"
    while i <= 1:
        if func_1(s1[i], s2[i + 1]) == IDENT_1:
            c = "A"
            i += 1
    if "W" <= c <= "Z":
        i = 7
    if c == "X":
        return True
    if s1 > s2:
        return True
    return False


def func_3(e):
    return e == IDENT_3


def main(loops):
    global int_glob, bool_glob, char_1, char_2, ptr_glob, ptr_next
    ptr_next = Record()
    ptr_glob = Record(ptr_next, IDENT_1, IDENT_3, 40, "DHRYSTONE PROGRAM, SOME STRING")
    s1 = "DHRYSTONE PROGRAM, 1'ST STRING"
    arr_2[8][7] = 10
    total = 0
    for _ in range(loops):
        proc_5()
        proc_4()
        a = 2
        b = 3
        s2 = "DHRYSTONE PROGRAM, 2'ND STRING"
        e = IDENT_2
        bool_glob = not func_2(s1, s2)
        while a < b:
            c = 5 * a - b
            c = proc_7(a, b)
            a += 1
        proc_8(arr_1, arr_2, a, c)
        ptr_glob = proc_1(ptr_glob)
        ch = "A"
        while ch <= char_2:
            if e == func_1(ch, "C"):
                e = proc_6(IDENT_1)
            ch = chr(ord(ch) + 1)
        c = b * a
        b = c // a
        b = 7 * (c - b) - a
        b = proc_2(a)
        total += a + b + c + int_glob
    return total, arr_2[8][7], ptr_glob.num, char_1, char_2


print(main(100000))
