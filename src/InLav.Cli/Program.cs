// The InLav command line: import, runs, rollback, query, territories, classifications (built out in InLav.Cli).
Console.WriteLine("inlav: InLav Cruscotto command line");
return 0;
