for s in ('', 'abc', 'ABC', 'Abc', 'abc1', '123', ' ', '\t\n', 'a b', 'Hello World', 'Hello world', '_id', '1id', 'A1', '\x1f', '~'):
    print(repr(s), s.isalnum(), s.isalpha(), s.isascii(), s.isdecimal(), s.isdigit(), s.isidentifier(), s.islower(), s.isnumeric(), s.isprintable(), s.isspace(), s.istitle(), s.isupper())
