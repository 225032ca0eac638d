for s in ('abc', '_', '__x__', 'a1', '1a', 'é', 'ℕ', 'x\u0301', '\u0301x', 'a-b', '', 'if', 'None', 'ª', '·', 'a·', '℘', '℮x', 'x\u2118', '\u309b', 'x\u00b7', '\U0001d400', 'a b', 'ǅ', '\u1885', '\u1886x', 'x\u0e33'):
    print(ascii(s), s.isidentifier())
