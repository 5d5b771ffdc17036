namespace EhrCodingAssist.Smart.Config;

/// <summary>
/// The set of FHIR bases the app will talk to, built from the enabled registrations. A launch whose
/// <c>iss</c> is not here is refused before any outgoing request (no SSRF, no open redirect).
/// </summary>
public sealed class IssuerAllowList
{
    private readonly Dictionary<string, (SmartRegistration Registration, Uri Issuer)> _byIssuer;

    /// <summary>Builds the allow-list from registrations (disabled ones are skipped).</summary>
    public IssuerAllowList(IEnumerable<SmartRegistration> registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        Registrations = registrations.ToList();
        _byIssuer = new Dictionary<string, (SmartRegistration, Uri)>(StringComparer.Ordinal);
        foreach (var r in Registrations.Where(r => r.Enabled))
        {
            foreach (var issuer in r.Issuers)
            {
                _byIssuer[Normalize(issuer)] = (r, new Uri(issuer.TrimEnd('/'), UriKind.Absolute));
            }
        }
    }

    /// <summary>Every loaded registration, enabled or not.</summary>
    public IReadOnlyList<SmartRegistration> Registrations { get; }

    /// <summary>
    /// Finds the registration for <paramref name="iss"/> (exact match after normalising scheme/host case and a
    /// trailing slash). Returns false for anything else, including malformed input.
    /// </summary>
    public bool TryFind(string? iss, out SmartRegistration registration, out Uri issuer)
    {
        registration = null!;
        issuer = null!;
        if (string.IsNullOrWhiteSpace(iss) || iss.Length > 2048
            || !Uri.TryCreate(iss, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        if (!_byIssuer.TryGetValue(Normalize(iss), out var found))
        {
            return false;
        }

        (registration, issuer) = found;
        return true;
    }

    /// <summary>Finds a registration by name.</summary>
    public SmartRegistration? FindByName(string name) =>
        Registrations.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    /// <summary>Canonical form used for comparison: lower-case scheme and host, explicit port, no trailing slash.</summary>
    public static string Normalize(string issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        if (!Uri.TryCreate(issuer, UriKind.Absolute, out var uri))
        {
            return issuer;
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        return $"{uri.Scheme.ToLowerInvariant()}://{uri.Host.ToLowerInvariant()}:{uri.Port}{path}";
    }
}
