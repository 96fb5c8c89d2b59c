using System.Text;

namespace MqttKube.Http;

internal sealed partial class HttpServer
{
    /// <summary>What a request is answered: the endpoint's answer, 404, 405, or 500 (logged) when the view fails.</summary>
    private HttpAnswer Answer(HttpRequestHead request)
    {
        try
        {
            var endpoint = request.Path switch
            {
                "/api/health" or "/healthz" => Endpoint.Health,
                "/readyz" => Endpoint.Ready,
                "/metrics" => Endpoint.Metrics,
                "/" => Endpoint.StatusPage,
                "/status.json" => Endpoint.StatusJson,
                _ => Endpoint.None,
            };
            if (endpoint == Endpoint.None)
            {
                return HttpAnswer.PlainText(404, "not found");
            }

            if (request.Method is not ("GET" or "HEAD"))
            {
                return HttpAnswer.PlainText(405, "method not allowed") with { Headers = [new("Allow", "GET, HEAD")] };
            }

            return endpoint switch
            {
                Endpoint.Health => Probes.Health(status),
                Endpoint.Ready => Probes.Readiness(status),
                Endpoint.Metrics => new HttpAnswer(200, Metrics.ContentType, Encoding.UTF8.GetBytes(metrics.Render(status))),
                Endpoint.StatusJson => new HttpAnswer(200, HttpAnswer.Json, StatusJson.Write(status)),
                _ => StatusPage.Render(status, time.GetUtcNow()),
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogAnswerFailed(request.Path, ex);
            return HttpAnswer.PlainText(500, "internal error");
        }
    }

    private enum Endpoint
    {
        None,
        Health,
        Ready,
        Metrics,
        StatusPage,
        StatusJson,
    }
}
