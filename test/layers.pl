#!/usr/bin/perl
# The house's structure, checked on the sources:
#  - every #include runs from a stage of the pipeline to the same or an
#    earlier one (the stages, earliest first, are listed below);
#  - every use of a function or variable another file defines does too,
#    and those uses form no circle between files;
#  - no .c file declares what another defines by hand (extern);
#  - the stages before policies never read the options (opt): decoders
#    describe a call, they do not decide what to show of it.
# usage: layers.pl TOPDIR; prints what breaks a rule and exits 1.
use strict;
use warnings;

my $top = shift // '.';
my @stages = qw(util syscalls config memory call decoders policy render trace cli main);
my %blind = map { $_ => 1 } qw(util syscalls memory call decoders);
my %rank;
@rank{@stages} = 0 .. $#stages;

my @files = sort(glob("$top/src/*/*.[ch]"), glob("$top/decoders/*.[ch]"), "$top/src/main.c");
my (@errors, %def, %text);

sub rel { my $p = shift; $p =~ s{^\Q$top\E/}{}; return $p; }

# The stage of a file, or of an included header ("call/call.h").
sub stage_of {
	my $p = rel(shift);
	return 'main' if $p eq 'src/main.c';
	$p =~ s{^src/}{};
	return $1 if $p =~ m{^([^/]+)/[^/]+$} && exists $rank{$1};
	return undef;
}

# Source text without comments, strings and character constants.
sub code_of {
	my ($f) = @_;
	local $/;
	open(my $fh, '<', $f) or die "$f: $!";
	my $s = <$fh>;
	close($fh);
	$s =~ s{/\*.*?\*/}{ }gs;
	$s =~ s{//[^\n]*}{}g;
	$s =~ s{"(?:\\.|[^"\\\n])*"}{""}g;
	$s =~ s{'(?:\\.|[^'\\\n])*'}{''}g;
	return $s;
}

for my $f (@files) {
	my $code = $text{$f} = code_of($f);
	my $from = stage_of($f);
	open(my $fh, '<', $f) or die "$f: $!";
	while (my $line = <$fh>) {
		next unless $line =~ /^#include "([^"]+)"/;
		my $h = $1;
		next if $h eq 'config.h';
		my $to = stage_of($h);
		if (!defined $to) {
			push @errors, rel($f) . ":$.: includes \"$h\", which is in no stage's folder";
		} elsif ($rank{$to} > $rank{$from}) {
			push @errors, rel($f) . ":$.: $from uses $to, a later stage (\"$h\")";
		}
	}
	close($fh);
	next unless $f =~ /\.c$/;
	# What it defines for others: functions and variables at file scope, not static.
	for my $l (split /\n/, $code) {
		next if $l =~ /^(static|extern|typedef|struct\s+\w+\s*\{|enum|union|#)/ || $l !~ /^[a-z_]/;
		if ($l =~ /\b(\w+)\s*\((?!.*;\s*$)/) {
			$def{$1} = $f;
		} elsif ($l =~ /\b(\w+)\s*(?:\[[^\]]*\])?\s*(?:=|;)/) {
			$def{$1} = $f;
		}
	}
}

# The file a header's inline code counts as: its .c, if it has one.
sub owner {
	my ($f) = @_;
	(my $c = $f) =~ s/\.h$/.c/;
	return -e $c ? $c : $f;
}

# Uses of what another file defines: an edge from user to definer.
# A header's inline functions count as uses by the header's own file.
my %deps;
for my $f (@files) {
	my $code = $text{$f};
	while ($f =~ /\.c$/ && $code =~ /^\s*extern\b[^;]*?\b(\w+)\s*(?:\(|\[|;)/mg) {
		push @errors, rel($f) . ": declares $1 by hand: include the header of " . rel($def{$1})
			if $def{$1} && $def{$1} ne $f;
	}
	my (%seen, $u) = ();
	$u = owner($f);
	while ($code =~ /(\.|->)?\b([A-Za-z_]\w*)\b/g) {
		next if $1;	# a member of a struct, not a function or variable
		my $d = $def{$2};
		next if !$d || $d eq $u || $seen{$2}++;
		$deps{$u}{$d} //= $2;
		my ($a, $b) = (stage_of($f), stage_of($d));
		push @errors, rel($f) . ": $a reads the options (opt): only policies and later decide"
			if $2 eq 'opt' && $blind{$a};
		push @errors, rel($f) . ": $a uses $2 of " . rel($d) . ", a later stage"
			if $rank{$b} > $rank{$a};
	}
}

# Circles between files, one report for each.
my (%state, @stack, %said);
sub visit {
	my ($f) = @_;
	$state{$f} = 1;
	push @stack, $f;
	for my $g (sort keys %{ $deps{$f} // {} }) {
		if (($state{$g} // 0) == 1) {
			my ($at) = grep { $stack[$_] eq $g } 0 .. $#stack;
			my @c = @stack[$at .. $#stack];
			my $desc = join(' -> ', map { rel($c[$_]) . " (" . $deps{$c[$_]}{$c[($_ + 1) % @c]} . ")" } 0 .. $#c);
			push @errors, "a circle: $desc" unless $said{join ' ', sort @c}++;
		} elsif (!$state{$g}) {
			visit($g);
		}
	}
	pop @stack;
	$state{$f} = 2;
}
visit($_) for sort keys %deps;

print "$_\n" for @errors;
exit(@errors ? 1 : 0);
