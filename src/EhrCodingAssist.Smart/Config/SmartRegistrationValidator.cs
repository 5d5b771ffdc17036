using EhrCodingAssist.Smart.Authorization;

namespace EhrCodingAssist.Smart.Config;

/// <summary>Field-level validation of smart-config registrations.</summary>
internal static class SmartRegistrationValidator
{
    private static readonly string[] Roles = ["physician", "cdi", "coder"];
    private static readonly string[] LaunchTypes = ["ehr", "standalone"];

    public static void Validate(SmartRegistration r, Func<string, string?> environment)
    {
        var file = Path.GetFileName(r.SourceFile);
        void Fail(string field, string reason) => throw new SmartConfigException(file, field, reason);

        if (string.IsNullOrWhiteSpace(r.Name))
        {
            Fail("name", "must not be empty");
        }

        if (r.Issuers.Count == 0)
        {
            Fail("issuers", "must list at least one FHIR base URL");
        }

        for (var i = 0; i < r.Issuers.Count; i++)
        {
            if (!IsSafeUrl(r.Issuers[i]))
            {
                Fail($"issuers[{i}]", "must be an absolute https URL (http only on loopback)");
            }
        }

        if (string.IsNullOrWhiteSpace(r.ClientId))
        {
            Fail("client_id", "must not be empty");
        }

        if (!IsSafeUrl(r.RedirectUri))
        {
            Fail("redirect_uri", "must be an absolute https URL (http only on loopback)");
        }

        var scopes = SmartScopes.Split(r.Scopes);
        if (scopes.Count == 0)
        {
            Fail("scopes", "must not be empty");
        }

        foreach (var scope in scopes)
        {
            if (!SmartScopes.IsNonResource(scope) && !SmartScopes.IsV2(scope))
            {
                Fail("scopes", $"'{scope}' is not a SMART v2 scope (write v2 syntax such as patient/Observation.rs; v1 is derived)");
            }
        }

        foreach (var scope in r.RequiredScopes)
        {
            if (SmartScopes.FirstMissing([scope], scopes.ToList()) is not null)
            {
                Fail("required_scopes", $"'{scope}' is not covered by the requested scopes");
            }
        }

        if (r.LaunchTypes.Count == 0 || r.LaunchTypes.Any(t => !LaunchTypes.Contains(t, StringComparer.Ordinal)))
        {
            Fail("launch_types", "must hold \"ehr\" and/or \"standalone\"");
        }

        if (!Roles.Contains(r.DefaultRole, StringComparer.Ordinal))
        {
            Fail("default_role", "must be physician, cdi or coder");
        }

        ValidateClientAuth(r, environment, Fail);
    }

    private static void ValidateClientAuth(SmartRegistration r, Func<string, string?> environment, Action<string, string> fail)
    {
        var auth = r.ClientAuth;
        switch (auth.Method)
        {
            case ClientAuthConfig.PrivateKeyJwt:
                if (auth.Alg is not ("RS384" or "ES384"))
                {
                    fail("client_auth.alg", "must be RS384 or ES384");
                }

                if (string.IsNullOrWhiteSpace(auth.Kid))
                {
                    fail("client_auth.kid", "must not be empty for private_key_jwt");
                }

                if ((auth.PrivateKeyFile is null) == (auth.PrivateKeyEnv is null))
                {
                    fail("client_auth.private_key_file", "give exactly one of private_key_file or private_key_env");
                }

                if (auth.ClientSecretEnv is not null)
                {
                    fail("client_auth.client_secret_env", "not used with private_key_jwt");
                }

                if (r.Enabled)
                {
                    CheckKeyAvailable(r, environment, fail);
                }

                break;

            case ClientAuthConfig.ClientSecretBasic:
                if (string.IsNullOrWhiteSpace(auth.ClientSecretEnv))
                {
                    fail("client_auth.client_secret_env", "name the environment variable holding the secret (never the secret itself)");
                }
                else if (r.Enabled && string.IsNullOrEmpty(environment(auth.ClientSecretEnv)))
                {
                    fail("client_auth.client_secret_env", $"environment variable {auth.ClientSecretEnv} is not set");
                }

                break;

            default:
                fail("client_auth.method", "must be private_key_jwt or client_secret_basic");
                break;
        }
    }

    private static void CheckKeyAvailable(SmartRegistration r, Func<string, string?> environment, Action<string, string> fail)
    {
        var auth = r.ClientAuth;
        if (auth.PrivateKeyFile is not null)
        {
            var path = ResolveKeyPath(r);
            if (!File.Exists(path))
            {
                fail("client_auth.private_key_file", $"file not found: {path}");
            }
        }
        else if (string.IsNullOrEmpty(environment(auth.PrivateKeyEnv!)))
        {
            fail("client_auth.private_key_env", $"environment variable {auth.PrivateKeyEnv} is not set");
        }
    }

    /// <summary>The key file path, relative paths resolved against the registration file's folder.</summary>
    public static string ResolveKeyPath(SmartRegistration r) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(r.SourceFile) ?? ".", r.ClientAuth.PrivateKeyFile!));

    public static void ValidateSet(IReadOnlyList<SmartRegistration> all)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var issuers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var kids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in all)
        {
            var file = Path.GetFileName(r.SourceFile);
            if (!names.Add(r.Name))
            {
                throw new SmartConfigException(file, "name", $"'{r.Name}' is used by another registration");
            }

            if (!r.Enabled)
            {
                continue;
            }

            foreach (var issuer in r.Issuers)
            {
                var key = IssuerAllowList.Normalize(issuer);
                if (!issuers.TryAdd(key, r.Name))
                {
                    throw new SmartConfigException(file, "issuers", $"'{issuer}' is already claimed by registration '{issuers[key]}'");
                }
            }

            if (r.ClientAuth.Kid is { } kid && r.ClientAuth.Method == ClientAuthConfig.PrivateKeyJwt && !kids.Add(kid))
            {
                throw new SmartConfigException(file, "client_auth.kid", $"'{kid}' is used by another registration");
            }
        }
    }

    private static bool IsSafeUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && string.IsNullOrEmpty(uri.Fragment)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
