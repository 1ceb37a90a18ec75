@echo off
rem SPDX-License-Identifier: Apache-2.0
rem The cadc command, from an unpacked distribution: runs io.cadc4j.cli.internal.Main with the jars in ..\lib.
setlocal
set "CADC_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA_EXE=%JAVA_HOME%\bin\java.exe") else (set "JAVA_EXE=java")
rem C1 only, as bin/cadc (measured with cadc-bench/coldstart.sh: a short command spends less on compiling);
rem JAVA_OPTS come after it, so -XX:TieredStopAtLevel=4 gives C2 back for long, large results.
"%JAVA_EXE%" -XX:TieredStopAtLevel=1 %JAVA_OPTS% -cp "%CADC_HOME%\lib\*" io.cadc4j.cli.internal.Main %*
exit /b %ERRORLEVEL%
