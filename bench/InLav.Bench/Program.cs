// Benchmarks of InLav Cruscotto: see docs/performance.md.
Console.WriteLine("InLav benchmarks");
