using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Audit;

namespace Relais.Web.Data.Configurations;

public sealed class AuditPurgeConfiguration : IEntityTypeConfiguration<AuditPurge>
{
    public void Configure(EntityTypeBuilder<AuditPurge> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedOnAdd();
        builder.Property(p => p.HashAtIndex).HasMaxLength(64);
        builder.Property(p => p.Signature).HasMaxLength(64);
        builder.HasIndex(p => p.UpToIndex).IsUnique();
    }
}
