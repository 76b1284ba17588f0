using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Surveillance;

namespace Relais.Web.Data.Configurations;

public sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.HasKey(f => f.Id);
        builder.HasIndex(f => f.Token).IsUnique();
        builder.HasIndex(f => new { f.CreatedBy, f.Owner });
        builder.Property(f => f.Token).HasMaxLength(64);
        builder.Ignore(f => f.Active);
    }
}
