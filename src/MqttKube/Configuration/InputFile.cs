using System.Diagnostics.CodeAnalysis;

namespace MqttKube.Configuration;

/// <summary>
/// The one way the product reads a file a user names (the config, templates, values files, <c>password-file</c>,
/// <c>cafile</c>/<c>certfile</c>/<c>keyfile</c>, JSON documents): only a regular file (symlinks to one are fine, as a
/// mounted ConfigMap is a chain of them), checked before it is opened (opening a FIFO blocks until a writer comes;
/// <c>/dev/zero</c> never ends), and read through a stream that stops at <see cref="MaxBytes"/> whatever the file
/// claims its size is.
/// </summary>
internal static partial class InputFile
{
    /// <summary>The most any file may hold (a config of 1,000 bindings is about 300 KB).</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    /// <summary>Why <paramref name="path"/> cannot be read as an input file (missing, not a regular file, too large), or null.</summary>
    public static string? Problem(string path, long maxBytes = MaxBytes)
    {
        var kind = Kind(path, out var size);
        return kind switch
        {
            FileKind.Regular when size > maxBytes => TooLarge(size, maxBytes),
            FileKind.Regular => null,
            FileKind.Missing => "no such file",
            FileKind.Directory => "is a directory, not a regular file",
            FileKind.Fifo => "is a FIFO (named pipe), not a regular file",
            FileKind.CharacterDevice => "is a character device, not a regular file",
            FileKind.BlockDevice => "is a block device, not a regular file",
            FileKind.Socket => "is a socket, not a regular file",
            _ => "is not a regular file",
        };
    }

    /// <summary>Reads <paramref name="path"/> whole, or says why not (the reason does not name the file).</summary>
    public static bool TryReadBytes(string path, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out string? error, long maxBytes = MaxBytes)
    {
        bytes = null;
        error = Problem(path, maxBytes);
        if (error is not null)
        {
            return false;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            bytes = ReadBounded(stream, maxBytes, out error);
            return bytes is not null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            error = ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : $"cannot read the file: {ex.Message}";
            return false;
        }
    }

    /// <summary>Reads <paramref name="path"/> whole; an <see cref="IOException"/> naming the file and the reason otherwise.</summary>
    public static byte[] ReadBytes(string path, long maxBytes = MaxBytes) =>
        TryReadBytes(path, out var bytes, out var error, maxBytes) ? bytes : throw new IOException($"{path}: {error}");

    /// <summary>Reads <paramref name="path"/> as strict UTF-8 text; an <see cref="IOException"/> naming the file otherwise.</summary>
    public static string ReadText(string path, long maxBytes = MaxBytes)
    {
        var bytes = ReadBytes(path, maxBytes);
        try
        {
            var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
            return new System.Text.UTF8Encoding(false, true).GetString(bytes, start, bytes.Length - start);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new IOException($"{path}: the file is not UTF-8 text");
        }
    }

    /// <summary>Reads a stream (a file, standard input) to its end, but never more than <paramref name="maxBytes"/>.</summary>
    public static byte[]? ReadBounded(Stream stream, long maxBytes, out string? error)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                error = $"the file is larger than {maxBytes / (1024 * 1024)} MB, the most a file may hold";
                return null;
            }
        }

        error = null;
        return buffer.ToArray();
    }

    /// <summary>Reads standard input (or any reader) to its end, but never more than <paramref name="maxChars"/> characters.</summary>
    public static async Task<(string? Text, string? Error)> ReadBoundedAsync(TextReader reader, long maxChars = MaxBytes)
    {
        var text = new System.Text.StringBuilder();
        var chunk = new char[81920];
        int read;
        while ((read = await reader.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, maxChars + 1 - text.Length))).ConfigureAwait(false)) > 0)
        {
            text.Append(chunk, 0, read);
            if (text.Length > maxChars)
            {
                return (null, $"the input is larger than {maxChars / (1024 * 1024)} MB, the most an input may hold");
            }
        }

        return (text.ToString(), null);
    }

    private static string TooLarge(long size, long maxBytes) =>
        $"the file is {size / (1024.0 * 1024.0):0.0} MB; a file may hold at most {maxBytes / (1024 * 1024)} MB";
}
