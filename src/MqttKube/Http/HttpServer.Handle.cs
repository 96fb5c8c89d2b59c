using System.Net;
using System.Text;

namespace MqttKube.Http;

internal sealed partial class HttpServer
{
    static readonly byte[] BusyBody = Encoding.UTF8.GetBytes("too many requests in progress; retry later\n");

    async Task AcceptLoopAsync(HttpListener listener)
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stopping.IsCancellationRequested || !listener.IsListening)
            {
                break;
            }
            catch (HttpListenerException ex)
            {
                LogAcceptFailed(ex.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(100), _stopping.Token)
                    .ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
                continue;
            }

            if (Interlocked.Increment(ref _active) > _maxConnections)
            {
                Interlocked.Decrement(ref _active);
                Refuse(context);
                continue;
            }

            _ = Task.Run(() => HandleAsync(context), CancellationToken.None);
        }
    }

    /// <summary>503 with <c>Retry-After: 1</c>, without waiting: the accept loop must not block on a slow client.</summary>
    void Refuse(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            LogRefused(context.Request.HttpMethod, PathOf(context.Request), _maxConnections);
            response.StatusCode = 503;
            response.ContentType = HttpAnswer.Text;
            response.Headers["Cache-Control"] = "no-store";
            response.Headers["Retry-After"] = "1";
            response.KeepAlive = false;
            response.Close(BusyBody, willBlock: false);
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            response.Abort();
        }
    }

    async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = PathOf(request);
        var exchange = new Exchange(context.Response);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_abortAll.Token);
        deadline.CancelAfter(RequestTimeout);
        var onDeadline = deadline.Token.Register(static state => ((Exchange)state!).TimeOut(), exchange);
        try
        {
            HttpAnswer answer;
            try
            {
                answer = Answer(request, path);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogAnswerFailed(path, ex);
                answer = HttpAnswer.PlainText(500, "internal error");
            }

            if (!exchange.TryClaim())
            {
                LogAborted(request.HttpMethod, path, "timed out before the answer was ready; answered 503");
                return;
            }

            await WriteAsync(request, exchange.Response, answer, deadline.Token).ConfigureAwait(false);
            LogAnswered(request.HttpMethod, path, answer.StatusCode);
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException
            or InvalidOperationException or OperationCanceledException)
        {
            LogAborted(request.HttpMethod, path, deadline.IsCancellationRequested ? "timed out" : ex.Message);
            AbortQuietly(exchange.Response);
        }
        finally
        {
            await onDeadline.DisposeAsync().ConfigureAwait(false);
            if (Interlocked.Decrement(ref _active) == 0 && _draining)
            {
                _idle.TrySetResult();
            }
        }
    }

    HttpAnswer Answer(HttpListenerRequest request, string path)
    {
        var endpoint = path switch
        {
            "/api/health" or "/healthz" => Endpoint.Health,
            "/readyz" => Endpoint.Ready,
            "/metrics" => Endpoint.Metrics,
            "/" => Endpoint.StatusPage,
            _ => Endpoint.None,
        };
        if (endpoint == Endpoint.None)
        {
            return HttpAnswer.PlainText(404, "not found");
        }

        if (request.HttpMethod is not ("GET" or "HEAD"))
        {
            return HttpAnswer.PlainText(405, "method not allowed") with { Headers = [new("Allow", "GET, HEAD")] };
        }

        return endpoint switch
        {
            Endpoint.Health => Probes.Health(_status),
            Endpoint.Ready => Probes.Readiness(_status),
            Endpoint.Metrics => new HttpAnswer(200, Metrics.ContentType, Encoding.UTF8.GetBytes(_metrics.Render(_status))),
            _ => StatusPage.Render(_status, _time.GetUtcNow()),
        };
    }

    static async Task WriteAsync(HttpListenerRequest request, HttpListenerResponse response, HttpAnswer answer, CancellationToken cancellationToken)
    {
        response.StatusCode = answer.StatusCode;
        response.ContentType = answer.ContentType;
        response.Headers["Cache-Control"] = "no-store";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        foreach (var header in answer.Headers)
        {
            response.Headers[header.Key] = header.Value;
        }

        if (request.HasEntityBody)
        {
            response.KeepAlive = false; // the body is not read: the connection cannot carry another request
        }

        response.ContentLength64 = answer.Body.Length;
        if (request.HttpMethod != "HEAD")
        {
            await response.OutputStream.WriteAsync(answer.Body, cancellationToken).ConfigureAwait(false);
        }

        response.Close();
    }

    static string PathOf(HttpListenerRequest request) => request.Url?.AbsolutePath ?? "/";

    static void AbortQuietly(HttpListenerResponse response)
    {
        try
        {
            response.Abort();
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or IOException)
        {
            // already closed
        }
    }

    /// <summary>
    /// One request's response, answered exactly once: by the handler, or by the deadline with 503 when the handler
    /// is not done in time. (Aborting an HttpListener response whose headers are unsent would send an empty 200.)
    /// </summary>
    sealed class Exchange(HttpListenerResponse response)
    {
        static readonly byte[] TimedOutBody = Encoding.UTF8.GetBytes("request timed out\n");

        int _claimed;

        public HttpListenerResponse Response => response;

        public bool TryClaim() => Interlocked.Exchange(ref _claimed, 1) == 0;

        public void TimeOut()
        {
            if (!TryClaim())
            {
                AbortQuietly(response); // the answer is being written: a slow client, cut it off
                return;
            }

            try
            {
                response.StatusCode = 503;
                response.ContentType = HttpAnswer.Text;
                response.Headers["Cache-Control"] = "no-store";
                response.KeepAlive = false;
                response.Close(TimedOutBody, willBlock: false);
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
            {
                AbortQuietly(response);
            }
        }
    }

    enum Endpoint
    {
        None,
        Health,
        Ready,
        Metrics,
        StatusPage,
    }
}
