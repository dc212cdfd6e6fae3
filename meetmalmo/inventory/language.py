"""A small guess at whether a text is Swedish or English, for efforts that do not say."""

import re

SWEDISH = {
    "och",
    "att",
    "det",
    "som",
    "en",
    "för",
    "med",
    "på",
    "av",
    "till",
    "är",
    "inom",
    "i",
    "unga",
    "staden",
    "stad",
    "arbete",
    "företag",
    "inte",
    "vi",
    "de",
    "har",
}
ENGLISH = {
    "and",
    "the",
    "of",
    "to",
    "for",
    "with",
    "in",
    "on",
    "is",
    "are",
    "young",
    "city",
    "work",
    "business",
    "we",
    "they",
    "has",
    "from",
}


def detect_language(text: str) -> str:
    words = re.findall(r"\w+", text.lower())
    swedish = sum(word in SWEDISH for word in words) + 2 * len(re.findall(r"[åäö]", text.lower()))
    english = sum(word in ENGLISH for word in words)
    return "en" if english > swedish else "sv"
