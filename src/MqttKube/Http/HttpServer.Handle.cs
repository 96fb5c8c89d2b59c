using System.Net.Sockets;
using System.Text;

namespace MqttKube.Http;

internal sealed partial class HttpServer
{
    private static readonly byte[] BusyBody = Encoding.UTF8.GetBytes("too many requests in progress; retry later\n");
    private static readonly byte[] TimedOutBody = Encoding.UTF8.GetBytes("request timed out\n");

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException || stopping.IsCancellationRequested)
            {
                break;
            }
            catch (SocketException ex)
            {
                LogAcceptFailed(ex.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(100), stopping.Token)
                    .ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
                continue;
            }

            socket.NoDelay = true;
            connections[socket] = 0;
            _ = Task.Run(() => ServeAsync(socket), CancellationToken.None);
        }
    }

    /// <summary>One connection: requests answered one after the other until either side closes it.</summary>
    private async Task ServeAsync(Socket socket)
    {
        var reader = new HttpHeadReader();
        var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                // Idle: wait for a request's first byte (an idle connection is closed at once on stop).
                using (var idle = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token))
                {
                    idle.CancelAfter(RequestTimeout);
                    if (!await reader.WaitForDataAsync(stream, idle.Token).ConfigureAwait(false))
                    {
                        return;
                    }
                }

                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(abortAll.Token);
                deadline.CancelAfter(RequestTimeout);
                if (!await ServeOneAsync(stream, reader, deadline.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // the client went away, was too slow, or the server stops
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogAborted("?", "?", ex.Message);
        }
        finally
        {
            connections.TryRemove(socket, out _);
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Reads, answers and writes one request; false when the connection must be closed afterwards.</summary>
    private async Task<bool> ServeOneAsync(NetworkStream stream, HttpHeadReader reader, CancellationToken deadline)
    {
        var bytes = await reader.ReadHeadAsync(stream, deadline).ConfigureAwait(false);
        if (bytes is null)
        {
            if (reader.TooLarge)
            {
                await WriteAsync(stream, "?", HttpAnswer.PlainText(431, "request header fields too large"), false, false, deadline).ConfigureAwait(false);
            }

            return false;
        }

        var head = HttpRequestHead.Parse(bytes, out var errorCode, out var error);
        if (head is null)
        {
            LogAnswered("?", "?", errorCode);
            await WriteAsync(stream, "?", HttpAnswer.PlainText(errorCode, error ?? "bad request"), false, false, deadline).ConfigureAwait(false);
            return false;
        }

        // The body is never read: a request with one is answered, then its connection closed.
        var keepAlive = head.KeepAlive && head.BodyLength == 0;
        if (Interlocked.Increment(ref active) > maxConnections)
        {
            Release();
            LogRefused(head.Method, head.Path, maxConnections);
            var busy = HttpAnswer.PlainText(503, string.Empty) with { Body = BusyBody, Headers = [new("Retry-After", "1")] };
            await WriteAsync(stream, head.Method, busy, false, head.BodyLength != 0, deadline).ConfigureAwait(false);
            return false;
        }

        var work = Task.Run(() => Answer(head), CancellationToken.None);
        try
        {
            await work.WaitAsync(deadline).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!work.IsCompleted)
        {
            // The answer is late: 503 now; the request counts as in progress until the work ends.
            _ = work.ContinueWith(_ => Release(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            LogAborted(head.Method, head.Path, "timed out before the answer was ready; answered 503");
            using var late = CancellationTokenSource.CreateLinkedTokenSource(abortAll.Token);
            late.CancelAfter(TimeSpan.FromSeconds(1));
            var timedOut = HttpAnswer.PlainText(503, string.Empty) with { Body = TimedOutBody };
            await WriteAsync(stream, head.Method, timedOut, false, head.BodyLength != 0, late.Token).ConfigureAwait(false);
            return false;
        }

        try
        {
            var answer = await work.ConfigureAwait(false);
            keepAlive &= !draining;
            await WriteAsync(stream, head.Method, answer, keepAlive, head.BodyLength != 0, deadline).ConfigureAwait(false);
            LogAnswered(head.Method, head.Path, answer.StatusCode);
            return keepAlive;
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            LogAborted(head.Method, head.Path, deadline.IsCancellationRequested ? "timed out" : ex.Message);
            return false;
        }
        finally
        {
            Release();
        }
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref active) == 0 && draining)
        {
            idle.TrySetResult();
        }
    }

    /// <summary>
    /// Writes the answer (no body for HEAD). When the connection closes and the client may still be sending a body,
    /// the rest of it is read and dropped for a moment first, so the client gets the answer rather than a reset.
    /// </summary>
    private static async Task WriteAsync(NetworkStream stream, string method, HttpAnswer answer, bool keepAlive, bool unreadBody, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(HttpResponseText.Of(answer, keepAlive, includeBody: method != "HEAD"), cancellationToken).ConfigureAwait(false);
        if (keepAlive || !unreadBody)
        {
            return;
        }

        using var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        drain.CancelAfter(TimeSpan.FromSeconds(1));
        var sink = new byte[16 * 1024];
        try
        {
            stream.Socket.Shutdown(SocketShutdown.Send);
            for (var total = 0; total < 1024 * 1024;)
            {
                var read = await stream.ReadAsync(sink, drain.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            // the client closed first, or kept sending: the answer is out either way
        }
    }
}
