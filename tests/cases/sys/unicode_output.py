print("ascii", "é", "日本語", "\U0001f600", "ß")
import sys
sys.stdout.write("\u00e9\n")
print(repr("\u00e9"), ascii("\u00e9"), "\N{GREEK SMALL LETTER ALPHA}")
print("surrogate escape:", repr("\udcff"))
