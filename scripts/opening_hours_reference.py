#!/usr/bin/env python3
"""Evaluates OSM opening_hours values with the reference implementation, opening-hours-py (PyPI), for Maillage's
differential test.

stdin:  {"values": ["Mo-Fr 09:00-12:00", ...], "moments": ["2026-03-02T07:30", ...]}
stdout: {"verdicts": ["-" when the reference refuses the value, else one letter per moment: o(pen) c(losed) u(nknown)]}

Public holidays are France's (country="FR"); times are local, without time zone.
"""
import datetime
import json
import sys

import opening_hours

LETTERS = {"open": "o", "closed": "c", "unknown": "u"}


def verdict(value, moments):
    try:
        hours = opening_hours.OpeningHours(value, country="FR")
    except Exception:  # SyntaxError, ParserError: refused
        return "-"
    return "".join(LETTERS[str(hours.state(moment)[0]).split(".")[-1].lower()] for moment in moments)


def main():
    request = json.load(sys.stdin)
    moments = [datetime.datetime.fromisoformat(text) for text in request["moments"]]
    json.dump({"verdicts": [verdict(value, moments) for value in request["values"]]}, sys.stdout)


if __name__ == "__main__":
    main()
