using System.Net;
using System.Net.Sockets;

namespace EhrCodingAssist.Sandbox.Hosting;

/// <summary>Turns "http://127.0.0.1:0" into a URL with a free port, so the EHR and the app can know each other's address before either starts.</summary>
internal static class FreePort
{
    public static string Resolve(string url)
    {
        var uri = new Uri(url);
        if (uri.Port != 0)
        {
            return uri.GetLeftPart(UriPartial.Authority);
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new UriBuilder(uri) { Port = port }.Uri.GetLeftPart(UriPartial.Authority);
    }

    public static bool IsLoopback(string url) =>
        new Uri(url).Host is var host && (host == "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip)));
}
