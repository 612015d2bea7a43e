"""Variant generators for the screening accuracy benchmark (independent of the
package's own name tables, so the benchmark does not grade its own homework)."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable

from sanctionwatch.lists.model import EntityKind

ROMAN: dict[str, list[str]] = {
    # Korean romanisation variants (McCune-Reischauer, Revised, popular)
    "ri": ["lee", "rhee", "yi"],
    "pak": ["park", "bak"],
    "choe": ["choi"],
    "jong": ["chong", "jung", "jeong"],
    "kim": ["gim"],
    "un": ["eun"],
    "song": ["sung"],
    "chol": ["cheol", "chul"],
    "hyok": ["hyeok"],
    "yong": ["young"],
    "kwang": ["gwang"],
    "kang": ["gang"],
    "sok": ["seok"],
    "chang": ["jang"],
    "jang": ["chang"],
    "myong": ["myung"],
    "hak": ["hark"],
    "chun": ["jun"],
    "jon": ["chon", "jeon"],
    "pyong": ["byung"],
    # Arabic romanisation variants
    "mohammed": ["muhammad", "mohamed", "mohammad"],
    "muhammad": ["mohammed", "mohamed"],
    "mohammad": ["muhammad", "mohamed"],
    "abdul": ["abdel", "abd al"],
    "usama": ["osama"],
    "hussein": ["husayn", "hussain"],
    "husain": ["hussein"],
    "yusuf": ["yousef", "youssef"],
    "abdullah": ["abdallah"],
    "ahmad": ["ahmed"],
    "ahmed": ["ahmad"],
    "omar": ["umar"],
    "umar": ["omar"],
    "hassan": ["hasan"],
    "hasan": ["hassan"],
    "said": ["saeed", "sayed"],
    "khalid": ["khaled"],
    "qasim": ["kassim", "qassem"],
    "nasser": ["nasir", "naser"],
    "abu": ["abou"],
    "abd": ["abdel"],
    "mustafa": ["mostafa"],
    "mahmoud": ["mahmud"],
    "abdelrahman": ["abdul rahman"],
    "abdulrahman": ["abdelrahman"],
    "salim": ["salem"],
    "saleh": ["salih"],
    "yasin": ["yassin"],
    "hamid": ["hameed"],
    "rashid": ["rasheed"],
    # Russian romanisation variants
    "aleksandr": ["alexander"],
    "sergey": ["sergei"],
    "yuriy": ["yuri", "yury"],
    "dmitriy": ["dmitry"],
    "andrey": ["andrei"],
    "aleksey": ["alexei"],
    "yevgeniy": ["evgeny"],
    "vitaliy": ["vitaly"],
    "nikolay": ["nikolai"],
    "mikhail": ["mikhael"],
}
LEGAL_SWAP = {
    "limited": "Ltd",
    "ltd": "Limited",
    "company": "Co.",
    "co": "Company",
    "corporation": "Corp.",
    "corp": "Corporation",
    "incorporated": "Inc.",
    "inc": "Incorporated",
    "llc": "Limited Liability Company",
    "jsc": "Joint Stock Company",
    "gmbh": "",
    "ooo": "LLC",
    "sa": "S.A.",
    "pte": "Private",
}
HOMOGLYPHS = {
    "a": "а",
    "e": "е",
    "o": "о",
    "p": "р",
    "c": "с",
    "x": "х",
    "y": "у",
    "i": "і",
    "A": "А",
    "E": "Е",
    "O": "О",
    "P": "Р",
    "C": "С",
    "X": "Х",
    "H": "Н",
    "K": "К",
    "M": "М",
    "T": "Т",
    "B": "В",
}
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u00ad", "\ufeff", "\u2060"]
ACCENTS = {
    "a": "áàä",
    "e": "éèë",
    "i": "íï",
    "o": "óöô",
    "u": "úü",
    "c": "ç",
    "n": "ñ",
    "A": "ÁÀ",
    "E": "ÉÈ",
    "O": "ÓÖ",
    "U": "ÚÜ",
}
# Hangul (and a few Hanja) spellings of DPRK designees listed in Latin script.
HANGUL_NAMES = [
    ("김정은", "Kim Jong Un"),
    ("김여정", "Kim Yo Jong"),
    ("최룡해", "Choe Ryong Hae"),
    ("윤호진", "Yun Ho Jin"),
    ("리제선", "Ri Je Son"),
    ("황석화", "Hwang Sok Hwa"),
    ("리홍섭", "Ri Hong Sop"),
    ("한유로", "Han Yu Ro"),
    ("주규창", "Chu Kyu Chang"),
    ("오극렬", "O Kuk Ryol"),
    ("백세봉", "Paek Se Bong"),
    ("박도춘", "Pak To Chun"),
    ("최춘식", "Choe Chun Sik"),
    ("김영철", "Kim Yong Chol"),
    ("리병철", "Ri Pyong Chol"),
    ("김정식", "Kim Jong Sik"),
    ("장창하", "Jang Chang Ha"),
    ("전일춘", "Jon Il Chun"),
    ("조용원", "Jo Yong Won"),
    ("박영식", "Pak Yong Sik"),
    ("황병서", "Hwang Pyong So"),
    ("리만건", "Ri Man Gon"),
    ("최휘", "Choe Hwi"),
    ("김기남", "Kim Ki Nam"),
    ("리수용", "Ri Su Yong"),
    ("김원홍", "Kim Won Hong"),
    ("조연준", "Jo Yon Jun"),
    ("오금철", "O Kum Chol"),
    ("김락겸", "Kim Rak Kyom"),
    ("리명수", "Ri Myong Su"),
    ("최부일", "Choe Pu Il"),
    ("김영춘", "Kim Yong Chun"),
    ("박봉주", "Pak Pong Ju"),
    ("현영철", "Hyon Yong Chol"),
    ("김격식", "Kim Kyok Sik"),
    ("장정남", "Jang Jong Nam"),
    ("金正恩", "Kim Jong Un"),
    ("崔龍海", "Choe Ryong Hae"),
    ("金與正", "Kim Yo Jong"),
    ("朴奉珠", "Pak Pong Ju"),
]
ADVERSARIAL = {"typo", "homoglyph", "invisible character"}
_SPLIT = re.compile(r"[^0-9a-z]+")


def simple_tokens(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    folded = re.sub(r"['’ʼ‘`]", "", folded)
    return [t for t in _SPLIT.split(folded) if t]


def key_of(text: str) -> str:
    return " ".join(sorted(simple_tokens(text)))


Gen = Callable[[str, EntityKind, random.Random], str | None]


def romanisation(text: str, kind: EntityKind, rng: random.Random) -> str | None:
    toks = text.split()
    spots = [i for i, t in enumerate(toks) if t.lower().strip(",.") in ROMAN]
    if not spots:
        return None
    i = rng.choice(spots)
    alt = rng.choice(ROMAN[toks[i].lower().strip(",.")])
    toks[i] = alt.upper() if toks[i].isupper() else alt.title()
    return " ".join(toks)


def order(text: str, kind: EntityKind, rng: random.Random) -> str | None:
    toks = text.replace(",", "").split()
    if kind is not EntityKind.PERSON or len(toks) < 2:
        return None
    return " ".join(toks[1:] + toks[:1])


def dropped_middle(text: str, kind: EntityKind, rng: random.Random) -> str | None:
    toks = text.split()
    if kind is not EntityKind.PERSON or len(toks) < 3:
        return None
    del toks[rng.randrange(1, len(toks) - 1)]
    return " ".join(toks)


def hyphen_space(text: str, kind: EntityKind, rng: random.Random) -> str | None:
    if "-" in text:
        return text.replace("-", rng.choice([" ", ""]), 1)
    toks = text.split()
    if len(toks) < 3:
        return None
    i = rng.randrange(1, len(toks) - 1)
    return " ".join([*toks[:i], toks[i] + "-" + toks[i + 1], *toks[i + 2 :]])


def typo(text: str, kind: EntityKind, rng: random.Random) -> str | None:
    toks = text.split()
    spots = [i for i, t in enumerate(toks) if len(t) >= 5 and t.isalpha()]
    if not spots:
        return None
    i = rng.choice(spots)
    t = toks[i]
    j = rng.randrange(1, len(t) - 1)
    op = rng.choice(["sub", "del", "ins", "swap"])
    letter = rng.choice("abcdefghijklmnopqrstuvwxyz")
    letter = letter.upper() if t.isupper() else letter
    if op == "sub":
        t = t[:j] + letter + t[j + 1 :]
    elif op == "del":
        t = t[:j] + t[j + 1 :]
    elif op == "ins":
        t = t[:j] + letter + t[j:]
    else:
        t = t[: j - 1] + t[j] + t[j - 1] + t[j + 1 :]
    toks[i] = t
    return " ".join(toks)


def diacritics(text: str, kind: EntityKind, rng: random.Random) -> str | None:
    spots = [i for i, c in enumerate(text) if c in ACCENTS]
    if not spots:
        return None
    chars = list(text)
    for i in rng.sample(spots, min(2, len(spots))):
        chars[i] = rng.choice(ACCENTS[chars[i]])
    return "".join(chars)


def initials(text: str, kind: EntityKind, rng: random.Random) -> str | None:
    toks = text.replace(",", "").split()
    if kind is not EntityKind.PERSON or len(toks) < 3 or not toks[0][0].isalpha():
        return None
    return " ".join([toks[0][0] + ".", *toks[1:]])


def homoglyph(text: str, kind: EntityKind, rng: random.Random) -> str | None:
    spots = [i for i, c in enumerate(text) if c in HOMOGLYPHS]
    if not spots:
        return None
    chars = list(text)
    for i in rng.sample(spots, min(2, len(spots))):
        chars[i] = HOMOGLYPHS[chars[i]]
    return "".join(chars)


def invisible(text: str, kind: EntityKind, rng: random.Random) -> str | None:
    if len(text) < 3:
        return None
    chars = list(text)
    for _ in range(2):
        chars.insert(rng.randrange(1, len(chars)), rng.choice(INVISIBLE))
    return "".join(chars)


def legal_change(text: str, kind: EntityKind, rng: random.Random) -> str | None:
    if kind is not EntityKind.ORGANISATION:
        return None
    toks = text.split()
    for i in range(len(toks) - 1, -1, -1):
        word = toks[i].lower().strip(",.")
        if word in LEGAL_SWAP:
            new = LEGAL_SWAP[word]
            return " ".join(toks[:i] + ([new] if new else []) + toks[i + 1 :])
    return text + rng.choice([" Ltd", " LLC", " Co., Ltd.", " JSC"])


GENERATORS: dict[str, Gen] = {
    "romanisation variant": romanisation,
    "name order": order,
    "dropped middle part": dropped_middle,
    "hyphen/space": hyphen_space,
    "diacritics": diacritics,
    "initials": initials,
    "legal-form change": legal_change,
    "typo": typo,
    "homoglyph": homoglyph,
    "invisible character": invisible,
}
