matrix = [[1, 2], [3, 4]]
row = 1
col = 7
x = matrix[row][col] + 1
