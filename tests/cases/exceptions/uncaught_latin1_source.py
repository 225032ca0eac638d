# -*- coding: latin-1 -*-
s = 1
x = "éé" + s
