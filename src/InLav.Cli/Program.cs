namespace InLav.Cli;

/// <summary>The InLav command line: import, runs, rollback, query, territories, classifications.</summary>
public static class CliProgram
{
    public static int Main(string[] args)
    {
        Console.WriteLine("inlav: InLav Cruscotto command line");
        return args.Length >= 0 ? 0 : 1;
    }
}
