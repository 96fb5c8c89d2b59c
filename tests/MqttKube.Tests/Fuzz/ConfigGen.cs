using CsCheck;
using MqttKube.Tests.Support;

namespace MqttKube.Tests.Fuzz;

/// <summary>
/// Config files: the examples and the config cases (each in a copy of its folder, so the files it names are there),
/// mutated line-, token- and character-wise (lines deleted, repeated, swapped, re-indented; anchors, aliases, merge
/// keys, tags, documents, directives, control characters, huge scalars, deep nesting and alias bombs inserted), the
/// config or the template it names; and files that are not configs, carrying a <see cref="Marker"/> that nothing
/// printed may quote.
/// </summary>
internal static class ConfigGen
{
    public const string Marker = "S3CR3T-M4RK3R";

    private static readonly string[] Lines =
    [
        "<<: *state", "x: &a {a: 1, b: [1, 2]}", "y: *a", "z: *missing", "? complex key\n: value", "---", "...", "%YAML 1.2", "%TAG ! tag:x,2000:",
        "!!map {a: 1}", "- item", "key: !custom value", "bindings: []", "bindings:", "mqtt: ~", "'quoted key': 1", "\"\\ud800\": 1", "\ufeff",
        "# comment", "\t", "  - {resource: Deployment, name: x, watch: {locus: a, topic: \"b/#\"}}", "launch: !relpath /dev/zero",
        "launch: !relpath /proc/self/environ", "password-file: /etc/shadow", "launch: !relpath .", "<<: [*a, *a]", "&anchor", "*alias", "{", "[", "]", "}",
        "values: {map: {\"re:(a*)*b\": x, \"lambda v: v * 10 ** 6\": y}}", "locus: \"$..*..*\"", "locus: \"$[\"", "transform: \"lambda v: [[1] * 10 ** 6] * 10 ** 6\"",
    ];

    private static readonly string[] Values =
    [
        "~", "[", "{", "*a", "&a x", "!!binary aGVsbG8=", "!relpath /dev/zero", "!relpath ../../../../etc/passwd", "1e400", "0x10", "yes", "-1",
        "99999999999999999999", "'unterminated", "\"\\ud800\"", "${x}", "{{ y }}", "\"lambda v: v * 10 ** 6\"", "\"re:(a*)*b\"", "\"$[\"", "\"$..*..*\"",
        "!!str 1", "!!int x", "!!float .nan", "[1, [2, [3]]]", "{a: {b: {c: d}}}", "|\n  block\n  text", ">-\n  folded", "\"\\x00\"", "''",
    ];

    private static readonly Lazy<(string Dir, string Config, string? Template)[]> Corpus = new(Load);

    /// <summary>A mutated corpus entry: its folder, the config text, and the template's name and text when mutated.</summary>
    public sealed record Case(string Dir, string Config, string? TemplateName, string? Template)
    {
        public override string ToString() => $"{Path.GetFileName(Dir)}\n{Fuzz.Shorten(Config, 4000)}" + (Template is null ? "" : $"\n--- {TemplateName}\n{Fuzz.Shorten(Template, 4000)}");
    }

    public static Gen<Case> Mutated => Gen.Select(Gen.Int[0, int.MaxValue], Mutation.Array[1, 4], Gen.Int[0, 3], (pick, mutations, onTemplate) =>
    {
        var (dir, config, template) = Corpus.Value[pick % Corpus.Value.Length];
        if (template is not null && onTemplate == 0)
        {
            var text = File.ReadAllText(Path.Combine(dir, template));
            return new Case(dir, config.Replace(template, "fuzz-template.yaml", StringComparison.Ordinal), "fuzz-template.yaml", mutations.Aggregate(text, (t, m) => m(t)));
        }

        return new Case(dir, mutations.Aggregate(config, (t, m) => m(t)), null, null);
    });

    /// <summary>Text that is not a config (keys, credentials, JSON, binary, lists, scalars), mutated, with the marker.</summary>
    public static Gen<string> NotConfig => Gen.Select(Gen.OneOf(
        $"-----BEGIN RSA PRIVATE KEY-----\nMIIEow{Marker}IBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n",
        $"{{\"secret\": \"{Marker}\", \"n\": [1, 2]}}",
        $"password: {Marker}\nuser: admin\n",
        $"- {Marker}\n- b\n",
        Marker,
        $"apiVersion: v1\nkind: Config\nusers:\n- name: x\n  user: {{token: {Marker}}}\n",
        $"root:{Marker}:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n",
        $"\0\u0001\u0002{Marker}\u00ff\ufffd",
        $"[{Marker}\n  bad: [yaml",
        $"mqt: {Marker}\nbinding: {{{Marker}: 1}}\n"), Mutation.Array[0, 3], (text, mutations) => mutations.Aggregate(text, (t, m) => m(t)));

    private static Gen<Func<string, string>> Mutation => Gen.Select(Gen.Int[0, 12], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], (kind, a, b) => (Func<string, string>)(text =>
    {
        var lines = text.Split('\n').ToList();
        var i = a % lines.Count;
        var j = b % lines.Count;
        switch (kind)
        {
            case 0: lines.RemoveAt(i); break;
            case 1: lines.Insert(i, lines[j]); break;
            case 2: (lines[i], lines[j]) = (lines[j], lines[i]); break;
            case 3: lines.Insert(i, new string(' ', b % 7) + Lines[b % Lines.Length]); break;
            case 4: lines[i] = (b % 3 == 0 ? "\t" : new string(' ', 1 + (b % 4))) + lines[i][(b % 2 == 0 ? 0 : Math.Min(lines[i].Length, 2))..]; break;
            case 5: lines[i] = lines[i].Insert(j % (lines[i].Length + 1), Specials[b % Specials.Length].ToString()); break;
            case 6: lines[i] = lines[i].Remove(j % (lines[i].Length + 1), Math.Min(1 + (b % 5), lines[i].Length - (j % (lines[i].Length + 1)))); break;
            case 7: lines.Insert(i, new string(' ', 2 * (b % 3)) + "huge: " + new string('a', 1 << (10 + (b % 12)))); break;
            case 8 when lines[i].IndexOf(": ", StringComparison.Ordinal) is var colon and > 0: lines[i] = lines[i][..(colon + 2)] + Values[b % Values.Length]; break;
            case 9: lines.InsertRange(0, AliasBomb(2 + (b % 8), 2 + (a % 9))); break;
            case 10: lines.Insert(i, "deep: " + new string('[', 1 << (b % 16)) + new string(']', 1 << (b % 16))); break;
            case 11: lines[i] = lines[i].Replace("    ", "  ", StringComparison.Ordinal); break;
            default: return text[..(a % (text.Length + 1))];
        }

        return string.Join('\n', lines);
    }));

    /// <summary>Characters YAML gives meaning to, controls, and line breaks it does not share with .NET.</summary>
    private const string Specials = "\0\u0001\u001b\u0085\u2028\ufeff\u00a0\r\"'\\:#&*!|>%@`{}[],";

    private static IEnumerable<string> AliasBomb(int levels, int width)
    {
        yield return "x-0: &a0 [lol, lol]";
        for (var level = 1; level < levels; level++)
        {
            yield return $"x-{level}: &a{level} [" + string.Join(", ", Enumerable.Repeat($"*a{level - 1}", width)) + "]";
        }
    }

    private static (string Dir, string Config, string? Template)[] Load()
    {
        var root = Directory.CreateTempSubdirectory("mqtt-kube-fuzz-config-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(root, recursive: true);
        var sources = Directory.GetDirectories(RepoPaths.TestSource(Path.Combine("Configuration", "Cases"))).Order(StringComparer.Ordinal).Append(Path.Combine(RepoPaths.Root, "examples"));
        var corpus = new List<(string, string, string?)>();
        foreach (var source in sources)
        {
            var dir = Path.Combine(root, Path.GetFileName(source));
            CopyDirectory(source, dir);
            foreach (var config in Directory.GetFiles(dir, "config*.yaml").Order(StringComparer.Ordinal))
            {
                var text = File.ReadAllText(config);
                var template = Directory.GetFiles(dir, "*.yaml").Select(Path.GetFileName).FirstOrDefault(f => text.Contains("!relpath " + f, StringComparison.Ordinal));
                corpus.Add((dir, text, template));
            }
        }

        return [.. corpus];
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(source))
        {
            CopyDirectory(dir, Path.Combine(target, Path.GetFileName(dir)));
        }
    }
}
