using System.Text;

namespace MqttKube.Expressions;

/// <summary>
/// CPython's <c>str.upper()</c> and <c>str.lower()</c>: full case mapping (<c>'ß'.upper() == 'SS'</c>,
/// <c>'İ'.lower() == 'i̇'</c>) and the Final_Sigma rule of <c>lower()</c>, from tables generated out of CPython
/// itself (CaseMapping.Data.cs), so the answer does not depend on .NET's globalization mode or Unicode version.
/// </summary>
internal static partial class CaseMapping
{
    // A table value is a delta to add to the code point (|delta| < 0x110000), or Special + an index into the *Full list.
    private const int Special = 0x200000;
    private const int CapitalSigma = 0x3A3;

    // Final_Sigma properties of a code point.
    private const byte Cased = 1;
    private const byte Ignorable = 2;

    // Built on first use (the data lives in the other part of this class, whose fields initialize in any order).
    private static int[]?[]? upperTable;
    private static int[]?[]? lowerTable;
    private static byte[]?[]? properties;

    public static string ToUpper(string s) => Map(s, upperTable ??= Build(UpperRuns, UpperFull), UpperFull, lower: false);

    public static string ToLower(string s) => Map(s, lowerTable ??= Build(LowerRuns, LowerFull), LowerFull, lower: true);

    private static string Map(string s, int[]?[] table, (int CodePoint, string Text)[] full, bool lower)
    {
        PyOps.ChargeChars(s.Length);
        if (s.AsSpan().IndexOfAnyExceptInRange('\0', '\x7f') < 0)
        {
            return lower ? s.ToLowerInvariant() : s.ToUpperInvariant();
        }

        // Code point by code point through the tables: several times the work of a copy.
        WorkMeter.Chars(2L * s.Length);
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length;)
        {
            var cp = ReadCodePoint(s, i, out var length);
            var block = table[cp >> 8];
            var value = block is null ? 0 : block[cp & 0xFF];
            if (lower && cp == CapitalSigma)
            {
                sb.Append(IsFinalSigma(s, i) ? 'ς' : 'σ');
            }
            else if (value >= Special)
            {
                var text = full[value - Special].Text;
                PyOps.CheckLength(sb.Length + (long)text.Length);
                WorkMeter.Chars(text.Length);
                sb.Append(text);
            }
            else if (value == 0)
            {
                sb.Append(s, i, length);
            }
            else
            {
                var mapped = cp + value;
                _ = mapped < 0x10000 ? sb.Append((char)mapped) : sb.Append(char.ConvertFromUtf32(mapped));
            }

            i += length;
        }

        return sb.ToString();
    }

    /// <summary>
    /// CPython's handle_capital_sigma: the sigma at <paramref name="index"/> is final when a cased letter precedes it
    /// and none follows (case-ignorable code points in between are skipped).
    /// </summary>
    private static bool IsFinalSigma(string s, int index)
    {
        var j = index;
        var before = -1;
        while (j > 0)
        {
            WorkMeter.Scanned(8);
            j -= j > 1 && char.IsLowSurrogate(s[j - 1]) && char.IsHighSurrogate(s[j - 2]) ? 2 : 1;
            var cp = ReadCodePoint(s, j, out _);
            if (Property(cp) != Ignorable)
            {
                before = cp;
                break;
            }
        }

        if (before < 0 || Property(before) != Cased)
        {
            return false;
        }

        for (j = index + 1; j < s.Length;)
        {
            WorkMeter.Scanned(8);
            var cp = ReadCodePoint(s, j, out var length);
            var property = Property(cp);
            if (property != Ignorable)
            {
                return property != Cased;
            }

            j += length;
        }

        return true;
    }

    private static byte Property(int cp)
    {
        var block = (properties ??= BuildProperties())[cp >> 8];
        return block is null ? (byte)0 : block[cp & 0xFF];
    }

    private static int ReadCodePoint(string s, int i, out int length)
    {
        if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            length = 2;
            return char.ConvertToUtf32(s[i], s[i + 1]);
        }

        length = 1;
        return s[i];
    }

    private static byte[]?[] BuildProperties()
    {
        var blocks = new byte[]?[0x1100];
        foreach (var (ranges, property) in new[] { (CasedRanges.ToArray(), Cased), (IgnorableRanges.ToArray(), Ignorable) })
        {
            for (var r = 0; r < ranges.Length; r += 2)
            {
                for (var cp = ranges[r]; cp <= ranges[r + 1]; cp++)
                {
                    (blocks[cp >> 8] ??= new byte[256])[cp & 0xFF] = property;
                }
            }
        }

        return blocks;
    }

    /// <summary>A two-stage table: 256-entry blocks by the code point's high bits (null where nothing maps).</summary>
    private static int[]?[] Build(ReadOnlySpan<int> runs, (int CodePoint, string Text)[] full)
    {
        var blocks = new int[]?[0x1100];
        for (var r = 0; r < runs.Length; r += 4)
        {
            for (var k = 0; k < runs[r + 1]; k++)
            {
                Set(blocks, runs[r] + (k * runs[r + 2]), runs[r + 3]);
            }
        }

        for (var i = 0; i < full.Length; i++)
        {
            Set(blocks, full[i].CodePoint, Special + i);
        }

        return blocks;
    }

    private static void Set(int[]?[] blocks, int cp, int value) => (blocks[cp >> 8] ??= new int[256])[cp & 0xFF] = value;
}
