import string
print(string.ascii_lowercase, string.digits, string.punctuation[:5])
print(string.capwords("hello   big world"), string.Template("$who likes $what").substitute(who="tim", what="pie"))
