using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MqttKube.FakeKube;

public sealed partial class FakeKubeServer
{
    private async Task WatchAsync(HttpContext ctx, RecordedRequest request, FakeTarget target)
    {
        if (target.Subresource != null || target.Name != null)
        {
            throw FakeStatus.NotFoundResource();
        }

        FakeWatcher watcher;
        try
        {
            watcher = Store.OpenWatch(target.Resource, target.Namespace, LabelSelector.Parse(request["labelSelector"]), FieldSelector.Parse(request["fieldSelector"]), request["resourceVersion"]);
        }
        catch (FakeApiException e) when (e.Code == 410 && !Options.WatchGoneAsHttpError)
        {
            ctx.Response.StatusCode = 200;
            ctx.Response.ContentType = "application/json";
            var line = new JsonObject { ["type"] = "ERROR", ["object"] = e.Status }.ToJsonString(Compact) + "\n";
            await ctx.Response.WriteAsync(line, ctx.RequestAborted).ConfigureAwait(false);
            return;
        }

        try
        {
            ctx.Response.StatusCode = 200;
            ctx.Response.ContentType = "application/json";
            await ctx.Response.StartAsync(ctx.RequestAborted).ConfigureAwait(false);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, stopping.Token);
            if (int.TryParse(request["timeoutSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            {
                timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
            }

            var bookmarks = request["allowWatchBookmarks"] is "true" or "1";
            using var bookmarkTimer = bookmarks
                ? new Timer(_ => Store.SendBookmark(watcher), null, Options.BookmarkInterval, Options.BookmarkInterval)
                : null;
            using var abort = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, watcher.Abort.Token);
            await foreach (var e in watcher.Events.Reader.ReadAllAsync(abort.Token).ConfigureAwait(false))
            {
                if ((string?)e["type"] == "BOOKMARK" && !bookmarks)
                {
                    continue;
                }

                var bytes = Encoding.UTF8.GetBytes(e.ToJsonString(Compact) + "\n");
                await ctx.Response.Body.WriteAsync(bytes, abort.Token).ConfigureAwait(false);
                await ctx.Response.Body.FlushAsync(abort.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (watcher.Abort.IsCancellationRequested && !watcher.EndGracefully)
        {
            ctx.Abort(); // a cut connection: the client sees the stream break, not a clean end
        }
        catch (OperationCanceledException)
        {
            // timeoutSeconds elapsed, graceful end, or the client left: end the chunked stream
        }
        finally
        {
            Store.CloseWatch(watcher);
        }
    }
}
