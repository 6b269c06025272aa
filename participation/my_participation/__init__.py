"""'My participation': every consultation a person took part in, with the city's feedback."""
