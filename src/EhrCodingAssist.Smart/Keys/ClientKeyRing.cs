using EhrCodingAssist.Smart.Config;

namespace EhrCodingAssist.Smart.Keys;

/// <summary>The client signing keys of every enabled private_key_jwt registration, by registration name.</summary>
public sealed class ClientKeyRing
{
    private readonly Dictionary<string, ClientSigningKey> _byRegistration = new(StringComparer.Ordinal);

    /// <summary>Loads keys from each registration's key file or environment variable.</summary>
    public ClientKeyRing(IEnumerable<SmartRegistration> registrations, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        environment ??= Environment.GetEnvironmentVariable;
        foreach (var r in registrations.Where(r => r.Enabled && r.ClientAuth.Method == ClientAuthConfig.PrivateKeyJwt))
        {
            var pem = r.ClientAuth.PrivateKeyFile is not null
                ? File.ReadAllText(SmartRegistrationValidator.ResolveKeyPath(r))
                : environment(r.ClientAuth.PrivateKeyEnv!);
            try
            {
                _byRegistration[r.Name] = ClientSigningKey.FromPem(pem!, r.ClientAuth.Alg!, r.ClientAuth.Kid!);
            }
            catch (Exception ex) when (ex is ArgumentException or System.Security.Cryptography.CryptographicException)
            {
                throw new SmartConfigException(Path.GetFileName(r.SourceFile), "client_auth.private_key_file", $"the key cannot be read as a {r.ClientAuth.Alg} private key: {ex.Message}", ex);
            }
        }
    }

    /// <summary>The key of a registration, or null when it does not use private_key_jwt.</summary>
    public ClientSigningKey? For(string registration) => _byRegistration.GetValueOrDefault(registration);

    /// <summary>The public keys to publish (distinct key ids).</summary>
    public IReadOnlyList<PublicJwk> PublicKeys =>
        _byRegistration.Values.DistinctBy(k => k.KeyId).Select(k => k.PublicJwk).ToList();
}
