#include <iostream>
int main() { std::cout << "gwr: under construction\n"; return 0; }
