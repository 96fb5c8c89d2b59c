namespace MqttKube.Http;

/// <summary>The HTTP server could not start (for example: the port is already in use). The message says why.</summary>
internal sealed class HttpServerException : Exception
{
    public HttpServerException(string message)
        : base(message)
    {
    }

    public HttpServerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
