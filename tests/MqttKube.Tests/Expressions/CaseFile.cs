namespace MqttKube.Tests.Expressions;

/// <summary>Reads the case files copied beside the test assembly (format described in each file's header).</summary>
internal static class CaseFile
{
    public const string Separator = " ⇶ ";

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Expressions", "Cases");

    /// <summary>
    /// Every case line of the files with <paramref name="extension"/>: file name, line number, the parts split at
    /// ⇶, and the <c># vars:</c> bindings in force (as "name = literal" lines).
    /// </summary>
    public static IEnumerable<object[]> Load(string extension)
    {
        foreach (var path in System.IO.Directory.GetFiles(Directory, "*" + extension).Order(StringComparer.Ordinal))
        {
            var vars = new List<string>();
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var trimmed = line.Trim();
                if (trimmed.StartsWith("# vars:", StringComparison.Ordinal))
                {
                    vars.Add(trimmed["# vars:".Length..].Trim());
                }

                if (trimmed.Length == 0 || trimmed.StartsWith('#'))
                {
                    continue;
                }

                yield return [Path.GetFileName(path) + ":" + (i + 1), line, string.Join("\n", vars)];
            }
        }
    }
}
