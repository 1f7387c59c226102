using System.Buffers;
using System.IO.Pipelines;
using Lakehouse.Delta.Storage;

namespace Lakehouse.Delta.Writing;

/// <summary>
/// A write-only, forward-only stream that uploads what is written to one object while it is written: the bytes go
/// through a bounded pipe to <see cref="IObjectStore.PutAsync"/>, which streams them (the filesystem store to a temp
/// file, S3 as a multipart upload of one part buffer at a time), so no whole file is ever held in memory.
/// The object appears (atomically, per the store's contract) only after <see cref="CompleteAsync"/>;
/// <see cref="AbortAsync"/> fails the upload so nothing becomes visible.
/// </summary>
/// <remarks>
/// Synchronous writes (the Parquet encoder writes synchronously) only buffer; after <see cref="FlushThreshold"/>
/// unflushed bytes they hand the data to the uploader and wait while the pipe holds more than
/// <see cref="PauseThreshold"/> bytes, so memory stays bounded even inside one large row group write. Writers that can
/// await call <see cref="DrainAsync"/> between batches instead.
/// </remarks>
internal sealed class ObjectUploadStream : Stream
{
    public const int FlushThreshold = 1024 * 1024;
    public const int PauseThreshold = 16 * 1024 * 1024;

    private readonly Pipe _pipe;
    private readonly Task _put;
    private readonly string _description;
    private long _written;
    private long _unflushed;
    private bool _finished;

    private ObjectUploadStream(IObjectStore store, string key, CancellationToken cancellationToken)
    {
        _description = store.Describe(key);
        _pipe = new Pipe(new PipeOptions(
            pauseWriterThreshold: PauseThreshold, resumeWriterThreshold: PauseThreshold / 2, minimumSegmentSize: 64 * 1024, useSynchronizationContext: false));
        var reader = _pipe.Reader;

        // Started on the pool with no token: the reader must always be completed, or a writer could wait forever.
        _put = Task.Run(
            async () =>
            {
                try
                {
                    await using var content = reader.AsStream(leaveOpen: true);
                    await store.PutAsync(key, content, cancellationToken).ConfigureAwait(false);
                    await reader.CompleteAsync().ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    // Wakes a writer waiting on back-pressure; the failure itself surfaces through _put.
                    await reader.CompleteAsync(e).ConfigureAwait(false);
                    throw;
                }
            },
            CancellationToken.None);
    }

    /// <summary>Starts uploading <paramref name="key"/> of <paramref name="store"/>.</summary>
    public static ObjectUploadStream Start(IObjectStore store, string key, CancellationToken cancellationToken) => new(store, key, cancellationToken);

    /// <summary>Bytes written so far.</summary>
    public long BytesWritten => _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_finished;

    public override long Length => _written;

    public override long Position { get => _written; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _pipe.Writer.Write(buffer);
        _written += buffer.Length;
        _unflushed += buffer.Length;
        if (_unflushed >= FlushThreshold)
        {
            _unflushed = 0;
            var flush = _pipe.Writer.FlushAsync();
            var result = flush.IsCompletedSuccessfully ? flush.Result : flush.AsTask().GetAwaiter().GetResult();
            if (result.IsCompleted)
            {
                // The uploader stopped reading: it failed. Throw its error.
                _put.GetAwaiter().GetResult();
                throw new IOException($"The upload of {_description} stopped reading before the data was complete.");
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <summary>Hands buffered bytes to the uploader, waiting (asynchronously) while it is behind.</summary>
    public async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        _unflushed = 0;
        var result = await _pipe.Writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (result.IsCompleted)
        {
            await _put.ConfigureAwait(false);
            throw new IOException($"The upload of {_description} stopped reading before the data was complete.");
        }
    }

    /// <summary>Ends the content and waits until the object is stored; returns its size.</summary>
    public async Task<long> CompleteAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        await DrainAsync(cancellationToken).ConfigureAwait(false);
        _finished = true;
        await _pipe.Writer.CompleteAsync().ConfigureAwait(false);
        await _put.ConfigureAwait(false);
        return _written;
    }

    /// <summary>Fails the upload so the object never appears (the store discards its temp file or multipart upload).</summary>
    public async Task AbortAsync()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        await _pipe.Writer.CompleteAsync(new OperationCanceledException($"The upload of {_description} was abandoned.")).ConfigureAwait(false);
        try
        {
            await _put.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Expected: the uploader fails with the abandonment (or failed earlier); either way nothing was stored.
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_finished)
        {
            AbortAsync().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await AbortAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
