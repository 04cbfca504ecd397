module loopvsloom

go 1.19
