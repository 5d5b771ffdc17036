using System.Buffers;
using System.Text.Json;

namespace EhrCodingAssist.Web.Encounters.Reading;

/// <summary>How one Bundle page was read.</summary>
/// <param name="NextLink">The <c>next</c> link, when the page has one and was read to its end.</param>
/// <param name="Stopped">The caller stopped the read (a resource bound); the rest of the page was not read.</param>
/// <param name="OverByteBound">The page was longer than the byte bound; the rest was not read.</param>
internal sealed record BundlePageSummary(string? NextLink, bool Stopped, bool OverByteBound);

/// <summary>
/// Reads a FHIR Bundle from a stream with <see cref="Utf8JsonReader"/> over one bounded, reused buffer: each entry is
/// handed over as its own JSON (and forgotten), the <c>next</c> link is kept, nothing else is held. Memory is bounded
/// by the largest single entry (itself at most <c>maxBytes</c>); reading stops when the caller says so, or after
/// <c>maxBytes</c>, so a Bundle of a million entries or an endless body costs one bounded read.
/// </summary>
internal static class BundlePageReader
{
    /// <summary>Called with one entry's JSON (valid only during the call) or, for a null entry, an empty span; false stops the read.</summary>
    public delegate bool EntryHandler(ReadOnlySpan<byte> entryJson, int index);

    private const int InitialBuffer = 64 * 1024;

    /// <summary>Reads the Bundle; throws <see cref="BundleFormatException"/> when the body is not a FHIR Bundle.</summary>
    public static async Task<BundlePageSummary> ReadAsync(Stream stream, long maxBytes, EntryHandler onEntry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(onEntry);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        try
        {
            var walk = new Walk(onEntry);
            int start = 0, filled = 0;
            long total = 0;
            var final = false;
            var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 128 });
            while (true)
            {
                var (consumed, next, outcome) = walk.Advance(buffer.AsSpan(start, filled - start), final, state);
                start += consumed;
                state = next;
                switch (outcome)
                {
                    case Outcome.Done:
                        return new BundlePageSummary(walk.NextLink, false, false);
                    case Outcome.Stopped:
                        return new BundlePageSummary(null, true, false);
                    case Outcome.NeedMore when final:
                        throw new BundleFormatException("the answer ends before the Bundle does");
                }

                // Keep the unread tail, grow only when one value fills the whole buffer, then read more.
                var tail = filled - start;
                if (start == 0 && tail == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, Math.Max(maxBytes, InitialBuffer)));
                    if (bigger.Length <= buffer.Length)
                    {
                        ArrayPool<byte>.Shared.Return(bigger);
                        return new BundlePageSummary(null, false, true);
                    }

                    buffer.AsSpan(0, tail).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                else if (start > 0)
                {
                    buffer.AsSpan(start, tail).CopyTo(buffer);
                }

                start = 0;
                filled = tail;
                if (total >= maxBytes)
                {
                    return new BundlePageSummary(null, false, true);
                }

                var room = (int)Math.Min(buffer.Length - filled, maxBytes - total);
                var read = await stream.ReadAsync(buffer.AsMemory(filled, room), ct).ConfigureAwait(false);
                total += read;
                filled += read;
                final = read == 0;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private enum Outcome
    {
        NeedMore,
        Done,
        Stopped,
    }

    /// <summary>The walk over the Bundle's tokens; its fields change only after a whole token or value was handled.</summary>
    private sealed class Walk(EntryHandler onEntry)
    {
        private bool _inRoot;
        private string? _property;
        private bool _inEntries;
        private bool _inLinks;
        private bool _isBundle;
        private int _entryIndex;

        public string? NextLink { get; private set; }

        public (int Consumed, JsonReaderState State, Outcome Outcome) Advance(ReadOnlySpan<byte> data, bool final, JsonReaderState state)
        {
            var reader = new Utf8JsonReader(data, final, state);
            var checkpoint = (Consumed: 0, State: state);
            try
            {
                while (true)
                {
                    if (!reader.Read())
                    {
                        return (checkpoint.Consumed, checkpoint.State, Outcome.NeedMore);
                    }

                    switch (Handle(ref reader, data))
                    {
                        case null:
                            return (checkpoint.Consumed, checkpoint.State, Outcome.NeedMore);
                        case Outcome.Done:
                            return ((int)reader.BytesConsumed, reader.CurrentState, Outcome.Done);
                        case Outcome.Stopped:
                            return ((int)reader.BytesConsumed, reader.CurrentState, Outcome.Stopped);
                    }

                    checkpoint = ((int)reader.BytesConsumed, reader.CurrentState);
                }
            }
            catch (JsonException e)
            {
                throw new BundleFormatException($"it is not valid JSON (line {e.LineNumber + 1})");
            }
            catch (InvalidOperationException)
            {
                // Utf8JsonReader refuses to decode invalid UTF-8 or a lone surrogate escape.
                throw new BundleFormatException("it holds text that is not valid Unicode");
            }
        }

        // One token: null when the value it starts is not wholly in the buffer yet (read again from before it).
        private Outcome? Handle(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
        {
            if (!_inRoot)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new BundleFormatException("it is not a JSON object");
                }

                _inRoot = true;
                return Outcome.NeedMore;
            }

            if (_inEntries || _inLinks)
            {
                return Element(ref reader, data);
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.EndObject:
                    return _isBundle ? Outcome.Done : throw new BundleFormatException("it is not a Bundle");
                case JsonTokenType.PropertyName:
                    _property = reader.GetString();
                    return Outcome.NeedMore;
                case JsonTokenType.String when _property == "resourceType":
                    _isBundle = reader.ValueTextEquals("Bundle"u8);
                    return _isBundle ? Outcome.NeedMore
                        : throw new BundleFormatException(reader.ValueTextEquals("OperationOutcome"u8)
                            ? "the EHR sent an OperationOutcome instead of a Bundle" : "it is not a Bundle");
                case JsonTokenType.StartArray when _property is "entry":
                    _inEntries = true;
                    return Outcome.NeedMore;
                case JsonTokenType.StartArray when _property is "link":
                    _inLinks = true;
                    return Outcome.NeedMore;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    return reader.TrySkip() ? Outcome.NeedMore : null;
                default:
                    return Outcome.NeedMore;
            }
        }

        // An element of "entry" or "link": handed over (or read) whole, or the end of the array.
        private Outcome? Element(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
        {
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                _inEntries = _inLinks = false;
                return Outcome.NeedMore;
            }

            var begin = (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                return null;
            }

            var element = data[begin..(int)reader.BytesConsumed];
            if (_inLinks)
            {
                NextLink ??= NextOf(element);
                return Outcome.NeedMore;
            }

            var index = _entryIndex++;
            return onEntry(reader.TokenType == JsonTokenType.EndObject ? element : [], index) ? Outcome.NeedMore : Outcome.Stopped;
        }

        private static string? NextOf(ReadOnlySpan<byte> link)
        {
            if (link.IsEmpty || link[0] != (byte)'{')
            {
                return null;
            }

            var reader = new Utf8JsonReader(link);
            string? relation = null, url = null;
            while (reader.Read() && reader.CurrentDepth <= 1)
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                {
                    continue;
                }

                var name = reader.GetString();
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && name is "relation" or "url")
                {
                    (name == "relation" ? ref relation : ref url) = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }

            return relation == "next" ? url : null;
        }
    }
}

/// <summary>The EHR's body is not a FHIR Bundle (the message says why, in the app's words).</summary>
internal sealed class BundleFormatException(string reason) : Exception(reason);
