namespace Verbatim.Bench;

/// <summary>Finds the benchmark corpus: PolNeAR train texts beside the repository, else the bundled samples.</summary>
internal static class BenchCorpus
{
    public static string Description { get; private set; } = "";

    public static List<(string Id, string Text)> Load()
    {
        var root = FindRepositoryRoot();
        var polnear = Environment.GetEnvironmentVariable("VERBATIM_BENCH_CORPUS")
            ?? Path.Combine(root, "..", "shared", "corpora", "polnear", "train", "text");
        if (Directory.Exists(polnear))
        {
            Description = polnear;
            return Read(Directory.GetFiles(polnear, "*.txt"));
        }
        Description = "bundled samples x50 (no PolNeAR copy found)";
        var samples = Read(Directory.GetFiles(Path.Combine(root, "samples"), "*.txt"));
        return Enumerable.Repeat(samples, 50).SelectMany(s => s).ToList();
    }

    private static List<(string, string)> Read(IEnumerable<string> files) =>
        files.Order(StringComparer.Ordinal).Select(f => (Path.GetFileNameWithoutExtension(f), File.ReadAllText(f))).ToList();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verbatim.slnx"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
