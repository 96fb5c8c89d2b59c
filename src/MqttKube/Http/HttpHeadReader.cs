using System.Net.Sockets;

namespace MqttKube.Http;

/// <summary>Reads request heads off one connection, keeping what arrived after a head for the next request.</summary>
internal sealed class HttpHeadReader
{
    private byte[] buffer = new byte[4096];
    private int filled;

    /// <summary>Whether the last head read was over <see cref="HttpRequestHead.MaxHead"/>.</summary>
    public bool TooLarge { get; private set; }

    /// <summary>Waits until some of the next request is there; false when the client closed or the wait was cancelled.</summary>
    public async Task<bool> WaitForDataAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        if (filled > 0)
        {
            return true;
        }

        try
        {
            var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            filled += read;
            return read > 0;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The next head, without its blank line; null when the client closed first or the head is too large.</summary>
    public async Task<byte[]?> ReadHeadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var searched = 0;
        while (true)
        {
            var end = buffer.AsSpan(Math.Max(0, searched - 3), filled - Math.Max(0, searched - 3)).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                end += Math.Max(0, searched - 3);
                var head = buffer.AsSpan(0, end).ToArray();
                var consumed = end + 4;
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                return head;
            }

            searched = filled;
            if (filled >= HttpRequestHead.MaxHead)
            {
                TooLarge = true;
                return null;
            }

            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, HttpRequestHead.MaxHead));
            }

            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            filled += read;
        }
    }
}
