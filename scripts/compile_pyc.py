#!/usr/bin/env python3
"""Compile Python sources to .pyc files with CPython 3.11 (marshal format 4,
magic number 3495), for Taipan's test that runs code CPython compiled.

Usage: /usr/bin/python3.11 scripts/compile_pyc.py SRC DST [SRC DST ...]
The code's co_filename is the source's absolute path, as when CPython
imports it.
"""
import os
import py_compile
import sys


def main(argv):
    if len(argv) % 2:
        sys.exit("usage: compile_pyc.py SRC DST [SRC DST ...]")
    for src, dst in zip(argv[::2], argv[1::2]):
        py_compile.compile(src, cfile=dst, dfile=os.path.abspath(src), doraise=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
