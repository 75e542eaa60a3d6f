package io.earshot.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Telling recordings by name and first bytes, and saying what a refused file looks like. */
class MediaKindTests {

    @Test
    void tellsEachKindByItsNameIgnoringCase() {
        assertThat(MediaKind.ofName("Session.MP4")).hasValue(MediaKind.MP4);
        assertThat(MediaKind.ofName("call.m4a")).hasValue(MediaKind.M4A);
        assertThat(MediaKind.ofName("call.webm")).hasValue(MediaKind.WEBM);
        assertThat(MediaKind.ofName("call.mp3")).hasValue(MediaKind.MP3);
        assertThat(MediaKind.ofName("call.wav")).hasValue(MediaKind.WAV);
        assertThat(MediaKind.ofName("call.mov")).isEmpty();
        assertThat(MediaKind.ofName("mp4")).isEmpty();
    }

    @Test
    void tellsEachKindByItsFirstBytes() {
        assertThat(MediaKind.MP4.matches(SessionFixture.media("session.mp4"))).isTrue();
        assertThat(MediaKind.M4A.matches(SessionFixture.media("speech.m4a"))).isTrue();
        assertThat(MediaKind.WEBM.matches(SessionFixture.media("session.webm"))).isTrue();
        assertThat(MediaKind.MP3.matches(SessionFixture.media("speech.mp3"))).isTrue();
        assertThat(MediaKind.WAV.matches(SessionFixture.media("speech.wav"))).isTrue();
        assertThat(MediaKind.WAV.matches(SessionFixture.media("session.webm"))).isFalse();
    }

    @Test
    void acceptsAnMp3WithoutTagsByItsFrameSync() {
        assertThat(MediaKind.MP3.matches(HexFormat.of().parseHex("FFFB9064"))).isTrue();
        assertThat(MediaKind.MP3.matches(HexFormat.of().parseHex("FFF3"))).isTrue();
        assertThat(MediaKind.MP3.matches(HexFormat.of().parseHex("FF1B9064"))).isFalse();
    }

    @Test
    void refusesAWaveHeaderOfAnotherRiffKind() {
        assertThat(MediaKind.WAV.matches("RIFF\0\0\0\0AVI LIST".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isFalse();
    }

    @Test
    void saysWhatARefusedFileLooksLike() {
        assertThat(MediaKind.describe(new byte[0])).isEqualTo("an empty file");
        assertThat(MediaKind.describe(SessionFixture.media("speech.m4a"))).isEqualTo("MPEG-4 (mp4 or m4a) content");
        assertThat(MediaKind.describe(SessionFixture.media("speech.wav"))).isEqualTo("wav content");
        assertThat(MediaKind.describe("%PDF-1.7".getBytes())).isEqualTo("a PDF document");
        assertThat(MediaKind.describe(HexFormat.of().parseHex("000102030405060708090A0B")))
                .isEqualTo("bytes 00 01 02 03 04 05 06 07");
    }

    @Test
    void writesSizesInTheUnitsOfTheLimit() {
        assertThat(Recording.size(999)).isEqualTo("999 bytes");
        assertThat(Recording.size(150 * 1024)).isEqualTo("150 KB");
        assertThat(Recording.size(55_255)).isEqualTo("54 KB");
        assertThat(Recording.size(500L * 1024 * 1024)).isEqualTo("500 MB");
        assertThat(Recording.size(1536L * 1024 * 1024)).isEqualTo("1.5 GB");
    }
}
