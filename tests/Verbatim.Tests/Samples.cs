namespace Verbatim.Tests;

/// <summary>The bundled sample articles, read from the repository's samples/ folder.</summary>
internal static class Samples
{
    public static string Root { get; } = FindRoot();

    public static string SeedPath => Path.Combine(Root, "samples", "seed-2plus2.txt");

    public static string Seed => File.ReadAllText(SeedPath);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verbatim.slnx"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("repository root (Verbatim.slnx) not found above " + AppContext.BaseDirectory);
    }
}
