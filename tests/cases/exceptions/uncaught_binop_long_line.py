first_value = 10
second_value = "text"
third_value = 3
result = (first_value * third_value) + second_value
