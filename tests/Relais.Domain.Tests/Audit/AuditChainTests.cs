using Relais.Domain.Audit;

namespace Relais.Domain.Tests.Audit;

public class AuditChainTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 15, 8, 30, 0, TimeSpan.Zero);
    private static readonly Guid Doctor = Guid.Parse("6f1c2a47-0d1e-4b52-9a0e-3c4d5e6f7a8b");
    private static readonly Guid Patient = Guid.Parse("1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b");
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly byte[] OtherKey = [.. Enumerable.Range(2, 32).Select(i => (byte)i)];

    private static AuditRecord Read(int minute, string? detail = null) =>
        new(Start.AddMinutes(minute), Doctor, "GeneralPractitioner", Patient, "read", "episode", "granted", detail);

    /// <summary>Builds a valid chain the way the application appends rows.</summary>
    private static List<ChainedAuditRecord> ChainOf(params AuditRecord[] records)
    {
        var chain = new List<ChainedAuditRecord>();
        var previous = AuditChain.GenesisHash;
        foreach (var record in records)
        {
            var hash = AuditChain.ComputeHash(Key, previous, record);
            chain.Add(new ChainedAuditRecord(chain.Count + 1, record, previous, hash));
            previous = hash;
        }

        return chain;
    }

    private static List<ChainedAuditRecord> FiveReads() =>
        ChainOf(Read(0), Read(1, "consultation du PPS"), Read(2), Read(3), Read(4));

    [Fact]
    public void ComputeHash_IsLowercaseHexHmacSha256()
    {
        var hash = AuditChain.ComputeHash(Key, AuditChain.GenesisHash, Read(0));

        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void ComputeHash_IsStable_ForTheSameInput() =>
        Assert.Equal(AuditChain.ComputeHash(Key, AuditChain.GenesisHash, Read(0)), AuditChain.ComputeHash(Key, AuditChain.GenesisHash, Read(0)));

    [Fact]
    public void ComputeHash_DependsOnThePreviousHash() =>
        Assert.NotEqual(
            AuditChain.ComputeHash(Key, AuditChain.GenesisHash, Read(0)),
            AuditChain.ComputeHash(Key, new string('1', 64), Read(0)));

    public static TheoryData<string> ChangedFields() => ["at", "actor", "role", "patient", "action", "resource", "outcome", "detail"];

    [Theory]
    [MemberData(nameof(ChangedFields))]
    public void ComputeHash_ChangesWhenAnyFieldChanges(string field)
    {
        var original = Read(0, "motif");
        var changed = field switch
        {
            "at" => original with { At = original.At.AddTicks(10) },
            "actor" => original with { ActorId = Guid.NewGuid() },
            "role" => original with { ActorRole = "Patient" },
            "patient" => original with { PatientId = null },
            "action" => original with { Action = "write" },
            "resource" => original with { Resource = "document" },
            "outcome" => original with { Outcome = "denied" },
            _ => original with { Detail = "motif." },
        };

        Assert.NotEqual(AuditChain.ComputeHash(Key, AuditChain.GenesisHash, original), AuditChain.ComputeHash(Key, AuditChain.GenesisHash, changed));
    }

    [Fact]
    public void ComputeHash_TellsANullDetailFromAnEmptyOne()
    {
        var withNull = Read(0, null);

        Assert.NotEqual(
            AuditChain.ComputeHash(Key, AuditChain.GenesisHash, withNull),
            AuditChain.ComputeHash(Key, AuditChain.GenesisHash, withNull with { Detail = "" }));
    }

    [Fact]
    public void ComputeHash_CannotBeFooledByMovingTextBetweenFields()
    {
        var record = Read(0) with { Action = "read", Resource = "episode" };

        Assert.NotEqual(
            AuditChain.ComputeHash(Key, AuditChain.GenesisHash, record),
            AuditChain.ComputeHash(Key, AuditChain.GenesisHash, record with { Action = "reade", Resource = "pisode" }));
    }

    [Fact]
    public void ComputeHash_KeepsMicroseconds_AsPostgreSqlDoes()
    {
        var record = Read(0);

        Assert.NotEqual(
            AuditChain.ComputeHash(Key, AuditChain.GenesisHash, record),
            AuditChain.ComputeHash(Key, AuditChain.GenesisHash, record with { At = record.At.AddTicks(10) }));
        Assert.Equal(
            AuditChain.ComputeHash(Key, AuditChain.GenesisHash, record),
            AuditChain.ComputeHash(Key, AuditChain.GenesisHash, record with { At = record.At.AddTicks(9) }));
    }

    [Fact]
    public void ComputeHash_IsTheSameInstantWhateverTheOffset()
    {
        var record = Read(0);
        var inParis = record with { At = record.At.ToOffset(TimeSpan.FromHours(2)) };

        Assert.Equal(AuditChain.ComputeHash(Key, AuditChain.GenesisHash, record), AuditChain.ComputeHash(Key, AuditChain.GenesisHash, inParis));
    }

    [Fact]
    public void Verify_FindsAnIntactChainIntact()
    {
        var verification = AuditChain.Verify(FiveReads(), Key);

        Assert.Equal(new ChainVerification(true, 5, null, null, 5, FiveReads()[4].Hash), verification);
    }

    [Fact]
    public void Verify_FindsAnEmptyChainIntact() =>
        Assert.Equal(new ChainVerification(true, 0, null, null, 0, AuditChain.GenesisHash), AuditChain.Verify([], Key));

    [Fact]
    public void Verify_WalksInChainIndexOrder_WhateverTheOrderGiven()
    {
        var shuffled = FiveReads();
        shuffled.Reverse();

        Assert.True(AuditChain.Verify(shuffled, Key).IsIntact);
    }

    [Fact]
    public void Verify_DetectsATamperedField()
    {
        var chain = FiveReads();
        chain[2] = chain[2] with { Record = chain[2].Record! with { Outcome = "denied" } };

        var verification = AuditChain.Verify(chain, Key);

        Assert.False(verification.IsIntact);
        Assert.Equal(3, verification.FirstBrokenIndex);
        Assert.Equal(2, verification.Checked);
        Assert.Contains("contenu", verification.Problem);
    }

    [Fact]
    public void Verify_DetectsATamperedRecordWhoseHashWasRecomputed_AtTheNextLink()
    {
        var chain = FiveReads();
        var forged = chain[2].Record! with { Detail = "effacé" };
        chain[2] = chain[2] with { Record = forged, Hash = AuditChain.ComputeHash(Key, chain[2].PreviousHash, forged) };

        var verification = AuditChain.Verify(chain, Key);

        Assert.False(verification.IsIntact);
        Assert.Equal(4, verification.FirstBrokenIndex);
    }

    [Fact]
    public void Verify_DetectsATamperedHash()
    {
        var chain = FiveReads();
        chain[1] = chain[1] with { Hash = new string('a', 64) };

        var verification = AuditChain.Verify(chain, Key);

        Assert.False(verification.IsIntact);
        Assert.Equal(2, verification.FirstBrokenIndex);
    }

    [Fact]
    public void Verify_DetectsAHashWrittenInUpperCase()
    {
        var chain = FiveReads();
        chain[0] = chain[0] with { Hash = chain[0].Hash.ToUpperInvariant() };

        Assert.Equal(1, AuditChain.Verify(chain, Key).FirstBrokenIndex);
    }

    [Fact]
    public void Verify_DetectsADeletedRow()
    {
        var chain = FiveReads();
        chain.RemoveAt(2);

        var verification = AuditChain.Verify(chain, Key);

        Assert.False(verification.IsIntact);
        Assert.Equal(3, verification.FirstBrokenIndex);
        Assert.Contains("manque", verification.Problem);
    }

    [Fact]
    public void Verify_DetectsASealedRowDeleted_WhoseSealRemains()
    {
        var chain = FiveReads();
        chain[3] = chain[3] with { Record = null };

        var verification = AuditChain.Verify(chain, Key);

        Assert.False(verification.IsIntact);
        Assert.Equal(4, verification.FirstBrokenIndex);
        Assert.Equal(3, verification.Checked);
        Assert.Contains("supprimé", verification.Problem);
    }

    [Fact]
    public void ASeal_HashesItsRowUnderTheKey_AfterItsPredecessor_AndRefusesARowNotYetStored()
    {
        var entry = AuditEntry.Create(Start, Doctor, "GeneralPractitioner", Patient, "read", "episode", "granted");
        Assert.Throws<InvalidOperationException>(() => AuditSeal.Of(entry, 1, AuditChain.GenesisHash, Key));

        typeof(AuditEntry).GetProperty(nameof(AuditEntry.Id))!.SetValue(entry, 41L);
        var seal = AuditSeal.Of(entry, 7, AuditChain.GenesisHash, Key);

        Assert.Equal(41, seal.EntryId);
        Assert.Equal(7, seal.ChainIndex);
        Assert.Equal(Patient, seal.PatientId);
        Assert.Equal(AuditChain.GenesisHash, seal.PreviousHash);
        Assert.Equal(AuditChain.ComputeHash(Key, AuditChain.GenesisHash, entry.ToRecord()), seal.Hash);
        Assert.NotEqual(seal.Hash, AuditSeal.Of(entry, 7, AuditChain.GenesisHash, OtherKey).Hash);
    }

    [Fact]
    public void Verify_DetectsADeletedRow_EvenWhenLaterIndexesWereRenumbered()
    {
        var chain = FiveReads();
        chain.RemoveAt(2);
        var renumbered = chain.Select((link, i) => link with { ChainIndex = i + 1 }).ToList();

        var verification = AuditChain.Verify(renumbered, Key);

        Assert.False(verification.IsIntact);
        Assert.Equal(3, verification.FirstBrokenIndex);
    }

    [Fact]
    public void Verify_DetectsADeletedFirstRow()
    {
        var chain = FiveReads();
        chain.RemoveAt(0);

        var verification = AuditChain.Verify(chain, Key);

        Assert.False(verification.IsIntact);
        Assert.Equal(1, verification.FirstBrokenIndex);
        Assert.Equal(0, verification.Checked);
    }

    [Fact]
    public void Verify_DetectsReorderedRows()
    {
        var chain = FiveReads();
        chain[1] = chain[1] with { ChainIndex = 3 };
        chain[2] = chain[2] with { ChainIndex = 2 };

        var verification = AuditChain.Verify(chain, Key);

        Assert.False(verification.IsIntact);
        Assert.Equal(2, verification.FirstBrokenIndex);
    }

    [Fact]
    public void Verify_DetectsADuplicatedIndex()
    {
        var chain = FiveReads();
        chain.Insert(3, chain[2]);

        var verification = AuditChain.Verify(chain, Key);

        Assert.False(verification.IsIntact);
        Assert.Equal(3, verification.FirstBrokenIndex);
        Assert.Contains("plusieurs fois", verification.Problem);
    }

    [Fact]
    public void Verify_RequiresTheFirstRowToFollowTheGenesisHash()
    {
        var record = Read(0);
        var previous = new string('1', 64);
        var chain = new[] { new ChainedAuditRecord(1, record, previous, AuditChain.ComputeHash(Key, previous, record)) };

        var verification = AuditChain.Verify(chain, Key);

        Assert.False(verification.IsIntact);
        Assert.Equal(1, verification.FirstBrokenIndex);
    }

    [Fact]
    public void ComputeHash_NeedsTheKey_SoThatAChainRecomputedWithoutItIsDetected()
    {
        // Someone with write access to the database rewrites row 3 and recomputes every hash after it,
        // without the key (security review M2: with plain SHA-256 this went undetected).
        var chain = FiveReads();
        var previous = chain[1].Hash;
        for (var i = 2; i < chain.Count; i++)
        {
            var record = i == 2 ? chain[i].Record! with { Outcome = "granted", Detail = "réécrit" } : chain[i].Record!;
            var hash = AuditChain.ComputeHash(OtherKey, previous, record);
            chain[i] = chain[i] with { Record = record, PreviousHash = previous, Hash = hash };
            previous = hash;
        }

        var verification = AuditChain.Verify(chain, Key);

        Assert.False(verification.IsIntact);
        Assert.Equal(3, verification.FirstBrokenIndex);
    }

    [Fact]
    public void AKeyShorterThan256Bits_IsRefused() =>
        Assert.Throws<ArgumentException>(() => AuditChain.ComputeHash(new byte[16], AuditChain.GenesisHash, Read(0)));

    [Fact]
    public void Verify_DetectsADeletedTail_AgainstACheckpoint()
    {
        var chain = FiveReads();
        var checkpoint = AuditCheckpoint.Sign(Key, CheckpointKind.Head, 5, chain[4].Hash, Start.AddHours(1));
        chain.RemoveRange(3, 2);

        var verification = AuditChain.Verify(chain, Key, checkpoints: [checkpoint]);

        Assert.False(verification.IsIntact);
        Assert.Equal(4, verification.FirstBrokenIndex);
        Assert.Contains("supprimés", verification.Problem);
    }

    [Fact]
    public void Verify_AcceptsAChainThatGrewPastItsLastCheckpoint()
    {
        var chain = FiveReads();
        var checkpoint = AuditCheckpoint.Sign(Key, CheckpointKind.Head, 3, chain[2].Hash, Start.AddHours(1));

        Assert.True(AuditChain.Verify(chain, Key, checkpoints: [checkpoint]).IsIntact);
    }

    [Fact]
    public void Verify_DetectsARowThatDiffersFromItsCheckpoint_EvenWithTheKey()
    {
        // Whoever holds the key could rewrite the chain; the checkpoints already written still hold.
        var chain = ChainOf(Read(0), Read(1), Read(2, "réécrit"), Read(3), Read(4));
        var checkpoint = AuditCheckpoint.Sign(Key, CheckpointKind.Head, 4, FiveReads()[3].Hash, Start.AddHours(1));

        var verification = AuditChain.Verify(chain, Key, checkpoints: [checkpoint]);

        Assert.False(verification.IsIntact);
        Assert.Equal(4, verification.FirstBrokenIndex);
    }

    [Fact]
    public void Verify_DetectsAForgedCheckpoint()
    {
        var chain = FiveReads();
        var forged = AuditCheckpoint.Sign(OtherKey, CheckpointKind.Head, 2, chain[1].Hash, Start.AddHours(1));

        var verification = AuditChain.Verify(chain, Key, checkpoints: [forged]);

        Assert.False(verification.IsIntact);
        Assert.Contains("authentique", verification.Problem);
    }

    [Fact]
    public void Verify_StartsFromTheAnchorOfASignedPurge()
    {
        var chain = FiveReads();
        var purge = AuditPurge.Record(Key, 2, chain[1].Hash, 2, null, Start.AddMonths(13));
        var checkpoints = new[] { AuditCheckpoint.Sign(Key, CheckpointKind.Head, 1, chain[0].Hash, Start), purge.Checkpoint };

        var verification = AuditChain.Verify(chain.Skip(2), Key, purge.Checkpoint.Anchor, checkpoints);

        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(3, verification.Checked);
        Assert.True(purge.Checkpoint.IsAuthentic(Key));
    }

    [Fact]
    public void RowsRemovedFromTheStart_WithoutASignedPurge_AreDetected()
    {
        var chain = FiveReads();

        var verification = AuditChain.Verify(chain.Skip(2), Key);

        Assert.False(verification.IsIntact);
        Assert.Equal(1, verification.FirstBrokenIndex);
    }

    [Fact]
    public void ACheckpointLine_RoundTrips_AndAnUnreadableLineIsNotAuthentic()
    {
        var checkpoint = AuditCheckpoint.Sign(Key, CheckpointKind.Head, 42, FiveReads()[0].Hash, Start.AddTicks(123450));

        Assert.Equal(checkpoint, AuditCheckpoint.Parse(checkpoint.ToLine()));
        Assert.False(AuditCheckpoint.Parse("head 42 abc").IsAuthentic(Key));
        Assert.False(AuditChain.Verify(FiveReads(), Key, checkpoints: [AuditCheckpoint.Parse("n'importe quoi")]).IsIntact);
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    [InlineData(12, true)]
    public void RetentionIsSixMonthsAtLeast(int months, bool allowed)
    {
        Assert.Equal(allowed, AuditRetention.IsAllowed(months));
        if (!allowed) Assert.Throws<ArgumentOutOfRangeException>(() => AuditRetention.Cutoff(Start, months));
        else Assert.Equal(Start.AddMonths(-months), AuditRetention.Cutoff(Start, months));
    }
}
