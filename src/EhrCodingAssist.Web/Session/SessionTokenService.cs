using EhrCodingAssist.Smart.Authorization;
using EhrCodingAssist.Smart.Tokens;
using EhrCodingAssist.Web.Launch;
using Microsoft.Extensions.Options;

namespace EhrCodingAssist.Web.Session;

/// <summary>
/// Hands out a session's access token, refreshing it (same client authentication) when it is about to expire
/// or after a 401. One refresh at a time per session; a refused refresh means the user must relaunch.
/// </summary>
internal sealed class SessionTokenService(
    SmartSessionStore store,
    SmartRegistry registry,
    SmartTokenClient tokens,
    TimeProvider time,
    IOptions<SmartSessionOptions> options,
    ILogger<SessionTokenService> logger)
{
    private readonly SemaphoreSlim[] _locks = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>A usable access token for the session, refreshed first when it is about to expire.</summary>
    public async Task<string> GetAccessTokenAsync(string sessionId, CancellationToken ct)
    {
        var record = await store.GetAsync(sessionId, ct).ConfigureAwait(false)
            ?? throw new RelaunchRequiredException("The session has ended.");
        if (record.ExpiresAt is { } exp && record.RefreshToken is not null
            && exp - options.Value.RefreshLeeway <= time.GetUtcNow())
        {
            return await RefreshAsync(sessionId, record.AccessToken, ct).ConfigureAwait(false);
        }

        return record.AccessToken;
    }

    /// <summary>
    /// Refreshes unless another request already replaced <paramref name="staleAccessToken"/>; returns the new token.
    /// Throws <see cref="RelaunchRequiredException"/> when there is no refresh token or the server refuses it.
    /// </summary>
    public async Task<string> RefreshAsync(string sessionId, string staleAccessToken, CancellationToken ct)
    {
        var gate = _locks[(int)((uint)StringComparer.Ordinal.GetHashCode(sessionId) % (uint)_locks.Length)];
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var record = await store.GetAsync(sessionId, ct).ConfigureAwait(false)
                ?? throw new RelaunchRequiredException("The session has ended.");
            if (!string.Equals(record.AccessToken, staleAccessToken, StringComparison.Ordinal))
            {
                return record.AccessToken;
            }

            var registration = registry.AllowList.FindByName(record.Context.Registration);
            if (record.RefreshToken is null || registration is null)
            {
                throw new RelaunchRequiredException("The access token expired and cannot be refreshed.");
            }

            TokenResponse response;
            try
            {
                response = await tokens.RefreshAsync(registry.TokenContext(registration, record.TokenEndpoint), record.RefreshToken, ct).ConfigureAwait(false);
            }
            catch (SmartTokenException ex)
            {
                SmartLog.RefreshRefused(logger, registration.Name, ex.Error);
                await store.RemoveAsync(sessionId, ct).ConfigureAwait(false);
                throw new RelaunchRequiredException("The EHR refused to refresh the session.");
            }

            var granted = response.Scope is null
                ? record.Context.GrantedScopes
                : SmartScopes.Split(response.Scope).ToHashSet(StringComparer.Ordinal);
            var updated = record with
            {
                AccessToken = response.AccessToken!,
                RefreshToken = response.RefreshToken ?? record.RefreshToken,
                ExpiresAt = response.ExpiresIn is { } s ? time.GetUtcNow().AddSeconds(s) : null,
                Context = record.Context with { GrantedScopes = granted },
            };
            await store.SetAsync(sessionId, updated, ct).ConfigureAwait(false);
            SmartLog.Refreshed(logger, registration.Name);
            return updated.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }
}
