using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MqttKube.FakeKube;

/// <summary>
/// An in-process fake kube-apiserver speaking the real wire protocol (discovery, REST, watch, Status errors) on
/// 127.0.0.1, for tests. Test controls are in <c>FakeKubeServer.Controls.cs</c>.
/// </summary>
public sealed partial class FakeKubeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeKubeServer(WebApplication app, FakeKubeOptions options, FakeCertificates? certificates)
    {
        _app = app;
        Options = options;
        Certificates = certificates;
        Store = new FakeObjectStore(Catalog);
    }

    public FakeKubeOptions Options { get; }

    /// <summary>The generated CA and certificates when serving HTTPS.</summary>
    public FakeCertificates? Certificates { get; }

    public FakeResourceCatalog Catalog { get; } = new();

    public FakeObjectStore Store { get; }

    /// <summary>The bound address, e.g. `http://127.0.0.1:41234`.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FakeKubeServer> StartAsync(FakeKubeOptions? options = null)
    {
        options ??= new FakeKubeOptions();
        var certificates = options.Https ? FakeCertificates.Create() : null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AllowSynchronousIO = false;
            k.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                if (certificates != null)
                {
                    listen.UseHttps(new HttpsConnectionAdapterOptions
                    {
                        ServerCertificate = certificates.Server,
                        ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                        ClientCertificateValidation = (_, _, _) => true,
                    });
                }
            });
        });
        var app = builder.Build();
        var server = new FakeKubeServer(app, options, certificates);
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        CutWatches();
        await _app.StopAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
