# dict/str-heavy word count: a deterministic pseudo-random text, split into lines and words,
# normalised (lower, strip punctuation), counted in a dict, ranked; also bigram counts via .get.

SYLLABLES = ["ka", "lo", "mi", "nu", "pe", "ra", "so", "ti", "va", "ze", "Qu", "Xi"]
PUNCT = [",", ".", "", "", "", ";", "!", ""]


def make_text(n_words, seed):
    words = []
    x = seed
    for i in range(n_words):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        k = 1 + (x >> 16) % 3
        w = ""
        for j in range(k):
            w += SYLLABLES[(x >> (4 * j)) % len(SYLLABLES)]
        words.append(w + PUNCT[x % len(PUNCT)])
        if i % 13 == 12:
            words.append("\n")
    return " ".join(words)


def count_words(text):
    counts = {}
    bigrams = {}
    prev = None
    for line in text.split("\n"):
        for raw in line.split():
            w = raw.strip(",.;!").lower()
            if not w:
                continue
            if w in counts:
                counts[w] += 1
            else:
                counts[w] = 1
            if prev is not None:
                key = prev + " " + w
                bigrams[key] = bigrams.get(key, 0) + 1
            prev = w
    return counts, bigrams


text = make_text(120000, 42)
counts, bigrams = count_words(text)
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(len(counts), len(bigrams), sum(counts.values()))
for w, c in top:
    print(f"{w:>10} {c}")
print(max(bigrams, key=lambda k: (bigrams[k], k)))
