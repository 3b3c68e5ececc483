// A type-checking stand-in for github.com/twmb/franz-go (see README.md here).
module github.com/twmb/franz-go

go 1.19
