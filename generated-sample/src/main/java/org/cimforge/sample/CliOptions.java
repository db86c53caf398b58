package org.cimforge.sample;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The command line of the sample provider, as picocli reads it; {@link SampleMain} acts on it. */
@Command(name = SampleMain.PROGRAM,
        mixinStandardHelpOptions = true,
        versionProvider = CliVersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "The CIMForge sample SMI-S array provider.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%n",
        description = {
            "Runs a simulated storage array (systems, pools, volumes, copy services, replication services, jobs,"
                + " indications, IBM ESS async PPRC, HP 3PAR extensions) and serves it over CIM-XML in namespace "
                + SampleServer.NAMESPACE + ", with HTTP Basic authentication.",
            "Port 0 switches a protocol off (at least one must stay on); there is no automatic port choice from the"
                + " command line."
        },
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:help or version shown",
            "1:could not start (port in use, data directory or password file unusable)",
            "2:bad command line or configuration file",
            "130:stopped with Ctrl-C after a clean shutdown (143 when stopped with SIGTERM)"
        },
        footerHeading = "%nExample:%n",
        footer = {
            "  java -jar cimforge-sample.jar --data-dir ./sample-data --copy-rate 50M",
            "",
            "Without --data-dir the array lives in memory and is gone when the provider stops. Without --password"
                + " (or $" + SampleMain.PASSWORD_VARIABLE + ") a password is generated and printed; with --data-dir it"
                + " is generated at the first start, kept in DIR/" + PasswordStore.FILE_NAME + " (owner-only) and"
                + " reused without being printed again."
        })
public final class CliOptions {
    /** Default HTTP port (the WBEM CIM-XML port registered with IANA). */
    public static final int DEFAULT_HTTP_PORT = 5988;
    /** Default HTTPS port. */
    public static final int DEFAULT_HTTPS_PORT = 5989;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "" + DEFAULT_HTTP_PORT,
            converter = PortConverter.class, description = "HTTP port (default: ${DEFAULT-VALUE}; 0 switches HTTP off)")
    int httpPort;

    @Option(names = "--https-port", paramLabel = "PORT", defaultValue = "" + DEFAULT_HTTPS_PORT,
            converter = PortConverter.class,
            description = "HTTPS port, self-signed certificate (default: ${DEFAULT-VALUE}; 0 switches HTTPS off)")
    int httpsPort;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String host;

    @Option(names = "--user", paramLabel = "NAME", defaultValue = "admin", converter = UserConverter.class,
            description = "user name clients authenticate with (default: ${DEFAULT-VALUE})")
    String user;

    // No default value shown: it would print the environment's password in --help.
    @Option(names = "--password", paramLabel = "PASSWORD", converter = PasswordConverter.class,
            description = "password for that user (default: $" + SampleMain.PASSWORD_VARIABLE + ", else generated;"
                + " see below)")
    String password;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "directory for durable state (array, subscriptions, generated password); created if"
                + " missing (default: none, everything in memory)")
    Path dataDirectory;

    @Option(names = "--copy-rate", paramLabel = "RATE", converter = RateConverter.class,
            description = "simulated copy speed in bytes per second; units K, M, G (1024-based), e.g. 200M"
                + " (default: the array's 256M)")
    long copyRate;

    @Option(names = "--config", paramLabel = "FILE",
            description = "JSON or YAML file describing the systems, pools and volumes to start with; applied only"
                + " while the array is empty (default: a built-in sample array)")
    Path config;

    /** Ports 0 to 65535. */
    static final class PortConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value.strip());
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("'" + value + "' is not a port number (0 to 65535; 0 switches it off)");
        }
    }

    /** Sizes per second such as 200M. */
    static final class RateConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long rate;
            try {
                rate = CliSizes.parseRate(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            if (rate <= 0) {
                throw new TypeConversionException("'" + value + "': the copy rate must be at least 1 byte per second");
            }
            return rate;
        }
    }

    /** HTTP Basic user names: not empty, no colon. */
    static final class UserConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isEmpty() || value.indexOf(':') >= 0 || !value.equals(value.strip())) {
                throw new TypeConversionException("'" + value
                        + "' cannot be an HTTP Basic user name (it must be non-empty, without ':' or edge spaces)");
            }
            return value;
        }
    }

    /** Passwords: not empty. */
    static final class PasswordConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isEmpty()) {
                throw new TypeConversionException("the password must not be empty");
            }
            return value;
        }
    }
}
