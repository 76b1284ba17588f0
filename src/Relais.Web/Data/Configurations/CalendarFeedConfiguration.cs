using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Alerts;
using Relais.Domain.Patients;
using Relais.Domain.Surveillance;

namespace Relais.Web.Data.Configurations;

public sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.HasKey(f => f.Id);
        b.HasIndex(f => f.Token).IsUnique();
        b.HasIndex(f => new { f.CreatedBy, f.Owner });
        b.Property(f => f.Token).HasMaxLength(64);
        b.Ignore(f => f.Active);
    }
}
