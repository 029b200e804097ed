import * as THREE from 'three'
import { GTAOPass } from 'three/examples/jsm/postprocessing/GTAOPass.js'
import { OutputPass } from 'three/examples/jsm/postprocessing/OutputPass.js'
import { SMAAPass } from 'three/examples/jsm/postprocessing/SMAAPass.js'
import { prepareShadowMap, setShading } from './shading'

/**
 * The passes of the presentation frame (loaded on first use, presentation.ts): the scene at
 * presentation quality into a floating-point target with a depth texture, ground-truth ambient
 * occlusion (three's GTAOPass, normals reconstructed from depth, at half resolution, Poisson
 * denoised), tone mapping and sRGB (OutputPass), then SMAA to the canvas. All are three's own
 * add-ons (three 0.187, MIT): no other library. Each step is one slice of work.
 */

let smaaImages: Promise<void> | null = null

/** Resolves once the SMAA look-up images (embedded, decoded asynchronously) are ready. */
export function ready(): Promise<void> {
  smaaImages ??= (async () => {
    const probe = new SMAAPass() as unknown as {
      _areaTexture: THREE.Texture
      _searchTexture: THREE.Texture
      dispose(): void
    }
    const images = [probe._areaTexture.image, probe._searchTexture.image] as HTMLImageElement[]
    await Promise.all(images.map((image) => image.decode().catch(() => undefined)))
    probe.dispose()
  })()
  return smaaImages
}

export interface StepOptions {
  /** Horizontal bands the scene is drawn in (one slice each). */
  readonly bands: number
  /** Shadow-map size, texels. */
  readonly mapSize: number
}

/** Ambient occlusion at campus scale: contact shade within a few metres of walls and plant. */
const AO = {
  radius: 7,
  distanceExponent: 1.6,
  thickness: 4,
  distanceFallOff: 1,
  scale: 1.15,
  samples: 12,
}
const DENOISE = {
  lumaPhi: 10,
  depthPhi: 2,
  normalPhi: 3,
  radius: 6,
  radiusExponent: 1,
  samples: 12,
}

export class PresentationPipeline {
  readonly gl: THREE.WebGLRenderer
  private width = 0
  private height = 0
  private readonly sceneTarget: THREE.WebGLRenderTarget
  private readonly aoTarget: THREE.WebGLRenderTarget
  private readonly ldrTarget: THREE.WebGLRenderTarget
  private readonly output = new OutputPass()
  private readonly smaa = new SMAAPass()
  private gtao: GTAOPass | null = null
  private gtaoFor: { scene: THREE.Scene; camera: THREE.Camera } | null = null

  constructor(gl: THREE.WebGLRenderer) {
    this.gl = gl
    this.sceneTarget = new THREE.WebGLRenderTarget(1, 1, {
      type: THREE.HalfFloatType,
      depthTexture: new THREE.DepthTexture(1, 1),
    })
    this.aoTarget = new THREE.WebGLRenderTarget(1, 1, {
      type: THREE.HalfFloatType,
      depthBuffer: false,
    })
    this.ldrTarget = new THREE.WebGLRenderTarget(1, 1, { depthBuffer: false })
  }

  private ao(scene: THREE.Scene, camera: THREE.Camera): GTAOPass {
    if (!this.gtao || this.gtaoFor?.scene !== scene || this.gtaoFor.camera !== camera) {
      this.gtao?.dispose()
      this.gtao = new GTAOPass(scene, camera, 1, 1, {
        depthTexture: this.sceneTarget.depthTexture ?? undefined,
      })
      this.gtao.updateGtaoMaterial(AO)
      this.gtao.updatePdMaterial(DENOISE)
      this.gtao.blendIntensity = 0.9
      this.gtaoFor = { scene, camera }
      this.width = 0
    }
    return this.gtao
  }

  private setSize(width: number, height: number, gtao: GTAOPass): void {
    if (width === this.width && height === this.height) return
    this.width = width
    this.height = height
    this.sceneTarget.setSize(width, height)
    this.aoTarget.setSize(width, height)
    this.ldrTarget.setSize(width, height)
    gtao.setSize(Math.max(1, Math.round(width / 2)), Math.max(1, Math.round(height / 2)))
    this.smaa.setSize(width, height)
  }

  /**
   * The target the scene is drawn into (programs for a render target differ from the canvas's:
   * linear output, tone mapping in the output pass), so shaders are compiled against it.
   */
  get target(): THREE.WebGLRenderTarget {
    return this.sceneTarget
  }

  /** The work of one presentation frame, as slices (the last draws to the canvas). */
  steps(
    scene: THREE.Scene,
    camera: THREE.Camera,
    size: { readonly width: number; readonly height: number },
    options: StepOptions,
  ): (() => void)[] {
    const gl = this.gl
    const { width, height } = size
    const gtao = this.ao(scene, camera)
    const steps: (() => void)[] = []
    const bands = Math.max(1, options.bands)
    for (let b = 0; b < bands; b++)
      steps.push(() => {
        this.setSize(width, height, gtao)
        setShading(scene, gl, 'pbr', true)
        prepareShadowMap(gl, options.mapSize)
        const target = this.sceneTarget
        const y0 = Math.floor((b * height) / bands)
        const y1 = Math.floor(((b + 1) * height) / bands)
        target.scissor.set(0, y0, width, y1 - y0)
        target.scissorTest = bands > 1
        gl.setRenderTarget(target)
        gl.render(scene, camera)
        target.scissorTest = false
      })
    steps.push(() => {
      gtao.render(gl, this.aoTarget, this.sceneTarget, 0, false)
    })
    steps.push(() => {
      this.output.render(gl, this.ldrTarget, this.aoTarget, 0, false)
    })
    steps.push(() => {
      this.smaa.renderToScreen = true
      this.smaa.render(gl, null as unknown as THREE.WebGLRenderTarget, this.ldrTarget, 0, false)
    })
    return steps
  }

  dispose(): void {
    this.sceneTarget.depthTexture?.dispose()
    this.sceneTarget.dispose()
    this.aoTarget.dispose()
    this.ldrTarget.dispose()
    this.gtao?.dispose()
    this.smaa.dispose()
    this.output.dispose()
  }
}
