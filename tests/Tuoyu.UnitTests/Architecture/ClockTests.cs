using System.Text.RegularExpressions;

namespace Tuoyu.UnitTests.Architecture;

/// <summary>
/// architecture.md, rule 3: instants are UTC from an injected TimeProvider; the local clock
/// (<c>DateTime.Now</c>, and <c>DateTimeOffset.Now</c> likewise) is banned. A scan of the sources, so that
/// Razor markup is covered too; generated migrations are left out.
/// </summary>
public sealed partial class ClockTests
{
    [GeneratedRegex(@"\bDateTime(Offset)?\s*\.\s*Now\b")]
    private static partial Regex LocalClock();

    [Fact]
    public void Source_scan_finds_the_production_sources()
    {
        var files = ProductionSources().ToList();

        Assert.Contains(files, f => f.EndsWith("Program.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }

    [Fact]
    public void No_production_code_reads_the_local_clock()
    {
        var root = RepoRoot();
        var hits = (
            from file in ProductionSources()
            from line in File.ReadLines(file).Select((text, i) => (text, number: i + 1))
            where !IsComment(line.text) && LocalClock().IsMatch(line.text)
            select $"{Path.GetRelativePath(root, file)}:{line.number}: {line.text.Trim()}").ToList();

        Assert.True(hits.Count == 0, "Use the injected TimeProvider instead of DateTime.Now:\n" + string.Join('\n', hits));
    }

    [Theory]
    [InlineData("var t = DateTime.Now;", true)]
    [InlineData("var t = DateTimeOffset.Now;", true)]
    [InlineData("var t = System.DateTime.Now.Date;", true)]
    [InlineData("var t = DateTime.UtcNow;", false)]
    [InlineData("public static DateTime Now(TimeProvider clock)", false)]
    public void Local_clock_pattern_tells_DateTime_Now_from_look_alikes(string code, bool banned)
    {
        Assert.Equal(banned, LocalClock().IsMatch(code));
    }

    private static bool IsComment(string line)
    {
        var t = line.TrimStart();
        return t.StartsWith("//", StringComparison.Ordinal) || t.StartsWith('*') || t.StartsWith("/*", StringComparison.Ordinal) || t.StartsWith("@*", StringComparison.Ordinal);
    }

    /// <summary>C# and Razor files of src/Tuoyu.Web, without generated migrations and build output.</summary>
    private static IEnumerable<string> ProductionSources()
    {
        var src = Path.Combine(RepoRoot(), "src", "Tuoyu.Web");
        var sep = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f =>
            {
                var relative = sep + Path.GetRelativePath(src, f);
                return !relative.Contains($"{sep}Migrations{sep}", StringComparison.Ordinal)
                    && !relative.Contains($"{sep}bin{sep}", StringComparison.Ordinal)
                    && !relative.Contains($"{sep}obj{sep}", StringComparison.Ordinal);
            });
    }

    /// <summary>The directory holding Tuoyu.slnx, found by walking up from the test binaries.</summary>
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tuoyu.slnx"))) { return dir.FullName; }
        }

        throw new InvalidOperationException($"Tuoyu.slnx not found above {AppContext.BaseDirectory}");
    }
}
